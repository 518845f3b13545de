// The Tickets page: shows the tickets of the Tickets API and creates new ones through it.
// The API's address is not written here: config.js, which tierlab deploy writes next to this file
// from the stack's outputs, sets window.APP_CONFIG.apiUrl (the stage URL, without a trailing slash).
'use strict';

const api = window.APP_CONFIG && window.APP_CONFIG.apiUrl;
const list = document.getElementById('tickets');
const statusLine = document.getElementById('status');
const form = document.getElementById('new-ticket');

/** Says what happened in the status line; an error is shown in red. */
function say(text, isError) {
  statusLine.textContent = text;
  statusLine.classList.toggle('error', Boolean(isError));
}

/** Replaces the list with these tickets: one li per ticket, its title and its status. */
function show(tickets) {
  list.replaceChildren(...tickets.map((ticket) => {
    const item = document.createElement('li');
    const title = document.createElement('span');
    title.textContent = ticket.title; // textContent, never innerHTML: a title is text, not markup
    const state = document.createElement('span');
    state.className = 'ticket-status';
    state.textContent = ticket.status;
    item.append(title, state);
    return item;
  }));
  say('Showing ' + tickets.length + (tickets.length === 1 ? ' ticket' : ' tickets'));
}

/** Loads every ticket from GET <apiUrl>/tickets and shows them. */
async function loadTickets() {
  const response = await fetch(api + '/tickets');
  if (!response.ok) {
    say('Could not load the tickets: ' + response.status, true);
    return;
  }
  show(await response.json());
}

/** Creates a ticket with POST <apiUrl>/tickets and a JSON body {"title": ...}, then loads the list again. */
async function createTicket(title) {
  const response = await fetch(api + '/tickets', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({title}),
  });
  if (response.status !== 201) {
    say('Could not create the ticket: ' + response.status, true);
    return;
  }
  await loadTickets();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const title = form.elements.title.value.trim();
  if (title) {
    try {
      await createTicket(title);
      form.reset();
    } catch (error) {
      say('Could not reach the API: ' + error.message, true); // e.g. a preflight the API refused
    }
  }
});

if (!api) {
  say('config.js did not set window.APP_CONFIG.apiUrl: run tierlab deploy, which writes it.', true);
} else {
  loadTickets().catch((error) => say('Could not reach the API: ' + error.message, true));
}
