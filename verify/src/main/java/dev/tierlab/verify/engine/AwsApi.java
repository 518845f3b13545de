package dev.tierlab.verify.engine;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The target's service clients, as checks read the deployed stack back through them. Closing it
 * closes every client it made.
 */
public interface AwsApi extends AutoCloseable {
    CloudFormationClient cloudFormation();

    ApiGatewayClient apiGateway();

    LambdaClient lambda();

    DynamoDbClient dynamoDb();

    S3Client s3();

    CloudWatchLogsClient logs();

    /** Cognito user pools: the test users a check signs in with. */
    CognitoIdentityProviderClient cognito();

    /** AWS WAF (v2): the web ACLs a check reads back. */
    Wafv2Client wafv2();

    /**
     * The headers that sign a request with the target's credentials (AWS Signature Version 4) for
     * {@code service}, e.g. {@code execute-api} for an {@code AWS_IAM} method: {@code Authorization},
     * {@code X-Amz-Date} and, with temporary credentials, {@code X-Amz-Security-Token}. Never shown.
     */
    Map<String, String> sign(String method, URI url, Map<String, String> headers, byte[] body, String service);

    /** A URL the stack outputs, made reachable from this machine (emulators serve API URLs on their own port). */
    String reachable(String url);

    @Override
    void close();
}
