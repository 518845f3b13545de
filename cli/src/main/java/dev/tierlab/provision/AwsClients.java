package dev.tierlab.provision;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.wafv2.Wafv2Client;

/** The AWS SDK clients for one target, each built on first use and closed together. */
public final class AwsClients implements dev.tierlab.verify.engine.AwsApi {
    private final Target target;
    private final List<SdkClient> open = new ArrayList<>();
    private CloudFormationClient cloudFormation;
    private S3Client s3;
    private StsClient sts;
    private LambdaClient lambda;
    private ApiGatewayClient apiGateway;
    private DynamoDbClient dynamoDb;
    private CloudWatchLogsClient logs;
    private CognitoIdentityProviderClient cognito;
    private Wafv2Client wafv2;
    private CloudFrontClient cloudFront;

    public AwsClients(Target target) {
        this.target = target;
    }

    public Target target() {
        return target;
    }

    private <C extends SdkClient> C opened(C client) {
        open.add(client);
        return client;
    }

    private static <C> C lazily(C current, Supplier<C> create) {
        return current != null ? current : create.get();
    }

    @Override
    public synchronized CloudFormationClient cloudFormation() {
        return cloudFormation = lazily(cloudFormation, () -> opened(target.configure(CloudFormationClient.builder()).build()));
    }

    /** Path-style addressing on emulators: bucket host names like {@code b.127.0.0.1} do not resolve. */
    @Override
    public synchronized S3Client s3() {
        return s3 = lazily(s3, () -> opened(target.configure(S3Client.builder()).forcePathStyle(!target.isAws()).build()));
    }

    public synchronized StsClient sts() {
        return sts = lazily(sts, () -> opened(target.configure(StsClient.builder()).build()));
    }

    @Override
    public synchronized LambdaClient lambda() {
        return lambda = lazily(lambda, () -> opened(target.configure(LambdaClient.builder()).build()));
    }

    @Override
    public synchronized ApiGatewayClient apiGateway() {
        return apiGateway = lazily(apiGateway, () -> opened(target.configure(ApiGatewayClient.builder()).build()));
    }

    @Override
    public synchronized DynamoDbClient dynamoDb() {
        return dynamoDb = lazily(dynamoDb, () -> opened(target.configure(DynamoDbClient.builder()).build()));
    }

    @Override
    public synchronized CloudWatchLogsClient logs() {
        return logs = lazily(logs, () -> opened(target.configure(CloudWatchLogsClient.builder()).build()));
    }

    @Override
    public synchronized CognitoIdentityProviderClient cognito() {
        return cognito = lazily(cognito, () -> opened(target.configure(CognitoIdentityProviderClient.builder()).build()));
    }

    @Override
    public synchronized Wafv2Client wafv2() {
        return wafv2 = lazily(wafv2, () -> opened(target.configure(Wafv2Client.builder()).build()));
    }

    /** CloudFront is global: its API lives in us-east-1 on AWS. */
    public synchronized CloudFrontClient cloudFront() {
        return cloudFront = lazily(cloudFront, () -> opened(target.configure(CloudFrontClient.builder())
                .region(target.isAws() ? software.amazon.awssdk.regions.Region.AWS_GLOBAL : target.region()).build()));
    }

    @Override
    public Map<String, String> sign(String method, URI url, Map<String, String> headers, byte[] body, String service) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(url);
        headers.forEach(request::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(target.credentials().resolveCredentials())
                .request(request.build()).payload(ContentStreamProvider.fromByteArrayUnsafe(body == null ? new byte[0] : body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, target.region().id()));
        Map<String, String> added = new LinkedHashMap<>();
        signed.request().headers().forEach((name, values) -> {
            // Host is set by the HTTP client from the same URL; the others are what the signature added
            if (!name.equalsIgnoreCase("Host") && headers.keySet().stream().noneMatch(name::equalsIgnoreCase) && !values.isEmpty()) {
                added.put(name, values.get(0));
            }
        });
        return added;
    }

    @Override
    public String reachable(String url) {
        return target.reachable(url);
    }

    @Override
    public synchronized void close() {
        open.forEach(SdkClient::close);
        open.clear();
    }
}
