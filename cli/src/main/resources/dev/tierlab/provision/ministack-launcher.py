"""Started by tierlab instead of the `ministack` command (written by tierlab; do not edit).

MiniStack runs no Java without Docker. In proxy mode it forwards a function's invocations to an HTTP
executor named per function. This launcher routes every java* function that names no proxy of its own
to tierlab's executor (TIERLAB_EXECUTOR_URL), so code deployed by any means runs the learner's Java.
It wraps `ministack.services.lambda_svc._proxy_url_for` of the pinned MiniStack version and refuses to
start when that function is missing, so a version change can never silently give mock responses.
"""
import os
import sys

from ministack.services import lambda_svc

_original = getattr(lambda_svc, "_proxy_url_for", None)
if _original is None:
    sys.stderr.write("tierlab: this MiniStack has no lambda_svc._proxy_url_for; Java functions cannot be routed\n")
    sys.exit(3)
_EXECUTOR = os.environ["TIERLAB_EXECUTOR_URL"]


def _proxy_url_for(config):
    own = _original(config)
    if own:
        return own
    return _EXECUTOR if str(config.get("Runtime") or "").startswith("java") else None


lambda_svc._proxy_url_for = _proxy_url_for

from ministack.app import main  # noqa: E402  (after the patch)

sys.argv = ["ministack"]
sys.exit(main())
