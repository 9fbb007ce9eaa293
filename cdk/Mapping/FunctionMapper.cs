using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.Logs;
using Constructs;
using ModelFunction = Patterns.Hosting.Model.Function;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// A model function → a provided.al2023 Lambda function running the Functions build's
/// <c>bootstrap</c>, with its own log group (retention set) and its own role. The role holds
/// exactly what the model implies: writing to that log group, X-Ray tracing (added by CDK for
/// active tracing; X-Ray has no resource-level permissions), and per reference the actions of
/// its access level on that one resource. Each of its event sources is an SQS event source
/// mapping, for which CDK grants the role the consuming actions on that queue alone.
/// </summary>
internal sealed class FunctionMapper : ResourceMapper<ModelFunction, MappedFunction>
{
    protected override MappedFunction Map(ModelFunction function, MappingContext context)
    {
        var options = context.Options;
        var code = options.FunctionsCodeDirectory
            ?? throw new InvalidOperationException(
                $"Function {function.Name} has no code to deploy: set CloudOptions.FunctionsCodeDirectory to a Functions publish (a folder with bootstrap at its root).");

        var scope = new Construct(context.Stack, function.Name);
        var logGroup = new LogGroup(scope, "LogGroup", new LogGroupProps
        {
            Retention = options.LogRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        var role = new Role(scope, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"Runs {function.Name}: its own log group and the resources the model says it uses, nothing else.",
        });
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resources = [logGroup.LogGroupArn],
        }));

        var environment = new Dictionary<string, string>(function.Environment, StringComparer.Ordinal);
        foreach (var reference in function.References)
        {
            var target = context.Get<IReferenceTarget>(reference.ResourceName, function);
            environment.Add(reference.EnvironmentVariable, target.Identifier);
            foreach (var statement in target.Grant(reference.Access))
                role.AddToPolicy(statement);
        }

        var lambda = new Function(scope, "Function", new FunctionProps
        {
            Runtime = Runtime.PROVIDED_AL2023,
            Architecture = options.Architecture == FunctionArchitecture.Arm64 ? Architecture.ARM_64 : Architecture.X86_64,
            Code = Code.FromAsset(code),
            Handler = function.Handler,
            Environment = environment,
            Timeout = Duration.Seconds(function.Timeout.TotalSeconds),
            MemorySize = function.MemorySize,
            Tracing = Tracing.ACTIVE,
            LogGroup = logGroup,
            Role = role,
            Description = $"{function.Name} ({function.Handler})",
        });
        new CfnOutput(scope, "NameOutput", new CfnOutputProps
        {
            Value = lambda.FunctionName,
            Description = $"The name of the {function.Name} function",
        }).OverrideLogicalId(OutputIds.For(function.Name, "FunctionName"));
        new CfnOutput(scope, "LogGroupOutput", new CfnOutputProps
        {
            Value = logGroup.LogGroupName,
            Description = $"The log group of the {function.Name} function",
        }).OverrideLogicalId(OutputIds.For(function.Name, "LogGroupName"));
        return new MappedFunction(lambda);
    }

    protected override void Connect(ModelFunction function, MappedFunction mapped, MappingContext context)
    {
        foreach (var source in function.EventSources)
        {
            var queue = context.Get<MappedQueue>(source.QueueName, function).Queue;
            mapped.Function.AddEventSource(new SqsEventSource(queue, new SqsEventSourceProps
            {
                BatchSize = source.BatchSize,
                // Zero is Lambda's default; CloudFormation is given a window only when there is one.
                MaxBatchingWindow = source.MaximumBatchingWindow > TimeSpan.Zero ? Duration.Seconds(source.MaximumBatchingWindow.TotalSeconds) : null,
                ReportBatchItemFailures = source.ReportBatchItemFailures,
            }));
        }
    }
}
