# CapabilitiesIT: one REST API whose methods each show one capability of the target.
Parameters:
  JavaCodeBucket: {Type: String}
  JavaCodeKey: {Type: String}
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
  # TOKEN and REQUEST: "allow" → Allow (with a context), "unauthorized" → raises Unauthorized (API Gateway's
  # 401), "boom" → raises something else (500), anything else → Deny
  PyAuthorizer:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Code:
        ZipFile: |
          def handler(event, context):
              headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
              token = event.get("authorizationToken") if event.get("type") == "TOKEN" else headers.get("x-pass")
              if token == "unauthorized":
                  raise Exception("Unauthorized")
              if token == "boom":
                  raise Exception("boom")
              effect = "Allow" if token == "allow" else "Deny"
              return {"principalId": "learner",
                      "policyDocument": {"Version": "2012-10-17", "Statement": [
                          {"Action": "execute-api:Invoke", "Effect": effect, "Resource": event["methodArn"]}]},
                      "context": {"who": "python-" + event.get("type", "?").lower()}}
  # echoes what API Gateway passes on: the authorizer's context, or the whole event for mapping templates
  Echo:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Code:
        ZipFile: |
          import json
          def handler(event, context):
              if "requestContext" not in event:
                  return {"mapped": event}
              return {"statusCode": 200, "body": json.dumps({"authorizer": event["requestContext"].get("authorizer"), "event": event})}
  JavaAuthorizer:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: java21
      Handler: dev.tierlab.auth.TokenAuthorizer::handleRequest
      Role: !GetAtt Role.Arn
      Timeout: 30
      MemorySize: 512
      Environment: {Variables: {CALLER_TOKENS: "tierlab=s3cret"}}
      Code: {S3Bucket: !Ref JavaCodeBucket, S3Key: !Ref JavaCodeKey}
  JavaBroken:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: java21
      Handler: dev.tierlab.auth.NoSuchClass::handleRequest
      Role: !GetAtt Role.Arn
      Timeout: 30
      Code: {S3Bucket: !Ref JavaCodeBucket, S3Key: !Ref JavaCodeKey}
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: !Sub "${AWS::StackName}-users"
  PoolClient:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      ExplicitAuthFlows: [ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: !Sub "${AWS::StackName}-api"
  CognitoAuth:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref Api
      Name: cognito
      Type: COGNITO_USER_POOLS
      IdentitySource: method.request.header.Authorization
      ProviderARNs: [!GetAtt Pool.Arn]
  PyTokenAuth:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref Api
      Name: py-token
      Type: TOKEN
      IdentitySource: method.request.header.Authorization
      AuthorizerResultTtlInSeconds: 0
      AuthorizerUri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${PyAuthorizer.Arn}/invocations"
  PyRequestAuth:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref Api
      Name: py-request
      Type: REQUEST
      IdentitySource: method.request.header.X-Pass
      AuthorizerResultTtlInSeconds: 0
      AuthorizerUri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${PyAuthorizer.Arn}/invocations"
  JavaTokenAuth:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref Api
      Name: java-token
      Type: TOKEN
      IdentitySource: method.request.header.Authorization
      AuthorizerResultTtlInSeconds: 0
      AuthorizerUri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${JavaAuthorizer.Arn}/invocations"
  JavaRequestAuth:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref Api
      Name: java-request
      Type: REQUEST
      IdentitySource: method.request.header.Authorization
      AuthorizerResultTtlInSeconds: 0
      AuthorizerUri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${JavaAuthorizer.Arn}/invocations"
  JavaBrokenAuth:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref Api
      Name: java-broken
      Type: TOKEN
      IdentitySource: method.request.header.Authorization
      AuthorizerResultTtlInSeconds: 0
      AuthorizerUri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${JavaBroken.Arn}/invocations"
[#list resources as r]
  [=r.id]Resource:
    Type: AWS::ApiGateway::Resource
    Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: [=r.path]}
  [=r.id]Method:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref [=r.id]Resource
      HttpMethod: GET
      AuthorizationType: [=r.auth]
[#if r.authorizer??]
      AuthorizerId: !Ref [=r.authorizer]
[/#if]
      ApiKeyRequired: [=r.key?c]
[#if r.mapped]
      Integration:
        Type: AWS
        IntegrationHttpMethod: POST
        Uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Echo.Arn}/invocations"
        PassthroughBehavior: NEVER
        RequestTemplates: {application/json: '{"fromTemplate": "$input.params(''q'')"}'}
        IntegrationResponses: [{StatusCode: "200", ResponseTemplates: {application/json: '{"fromResponseTemplate": true}'}}]
      MethodResponses: [{StatusCode: "200"}]
[#else]
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Echo.Arn}/invocations"
[/#if]
[/#list]
  Logs:
    Type: AWS::Logs::LogGroup
    Properties: {LogGroupName: !Sub "/tierlab/${AWS::StackName}/access"}
  Deployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: [[#list resources as r][=r.id]Method[#sep], [/#list]]
    Properties: {RestApiId: !Ref Api}
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      DeploymentId: !Ref Deployment
      StageName: dev
      AccessLogSetting:
        DestinationArn: !GetAtt Logs.Arn
        Format: '{"requestId":"$context.requestId","status":"$context.status"}'
      MethodSettings:
        - {ResourcePath: "/*", HttpMethod: "*", MetricsEnabled: true}
        - {ResourcePath: "/throttled", HttpMethod: GET, ThrottlingRateLimit: 1, ThrottlingBurstLimit: 1}
        # as CloudFormation documents it: "/" in ResourcePath encoded as ~1
        - {ResourcePath: "/~1encoded", HttpMethod: GET, ThrottlingRateLimit: 1, ThrottlingBurstLimit: 1}
[#list plans as p]
  [=p.id]Key:
    Type: AWS::ApiGateway::ApiKey
    Properties: {Enabled: true}
  [=p.id]Plan:
    Type: AWS::ApiGateway::UsagePlan
    DependsOn: Stage
    Properties:
[#if p.methodThrottle??]
      ApiStages: [{ApiId: !Ref Api, Stage: dev, Throttle: {"/[=p.methodThrottle]/GET": {RateLimit: 1, BurstLimit: 1}}}]
[#else]
      ApiStages: [{ApiId: !Ref Api, Stage: dev}]
[/#if]
[#if p.rate??]
      Throttle: {RateLimit: [=p.rate], BurstLimit: [=p.burst]}
[/#if]
[#if p.quota??]
      Quota: {Limit: [=p.quota], Period: DAY}
[/#if]
  [=p.id]PlanKey:
    Type: AWS::ApiGateway::UsagePlanKey
    Properties: {KeyId: !Ref [=p.id]Key, KeyType: API_KEY, UsagePlanId: !Ref [=p.id]Plan}
[/#list]
Outputs:
  ApiId: {Value: !Ref Api}
  UserPoolId: {Value: !Ref Pool}
  UserPoolClientId: {Value: !Ref PoolClient}
  AccessLogGroup: {Value: !Ref Logs}
[#list plans as p]
  [=p.id]KeyId: {Value: !Ref [=p.id]Key}
[/#list]
