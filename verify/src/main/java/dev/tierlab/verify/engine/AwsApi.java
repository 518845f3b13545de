package dev.tierlab.verify.engine;

import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
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

    /** A URL the stack outputs, made reachable from this machine (emulators serve API URLs on their own port). */
    String reachable(String url);

    @Override
    void close();
}
