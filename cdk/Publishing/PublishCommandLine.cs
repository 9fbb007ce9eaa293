namespace Patterns.Cdk.Publishing;

/// <summary>The <c>publish</c> command's options.</summary>
internal sealed record PublishCommandLine(string? Output, FunctionArchitecture? Architecture, string? FunctionsCode, string StackName, bool Help)
{
    public const string DefaultStackName = "ServerlessPatterns";

    public const string Usage = """
        publish: synthesizes the app as a CloudFormation stack (a CDK cloud assembly) for `npx aws-cdk deploy`.
        It first publishes the Functions project (Release, self-contained, linux) as every function's code.

        Options:
          --output DIR            where the cloud assembly goes (default: $CDK_OUTDIR when the CDK CLI runs it, else ./cdk.out)
          --architecture ARCH     x86_64 (default) or arm64; also read from the CDK context value "architecture"
          --functions-code DIR    use this folder (bootstrap at its root) as the functions' code instead of publishing
          --stack-name NAME       the stack's name (default ServerlessPatterns)
          --help                  show this text
        """;

    /// <exception cref="ArgumentException">An unknown option or a bad value, with the usage.</exception>
    public static PublishCommandLine Parse(IReadOnlyList<string> args)
    {
        string? output = null, functionsCode = null;
        FunctionArchitecture? architecture = null;
        var stackName = DefaultStackName;
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            string Value()
            {
                var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                return string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} needs a value.{Environment.NewLine}{Usage}") : value;
            }

            switch (name)
            {
                case "--output":
                    output = Value();
                    break;
                case "--architecture":
                    architecture = ParseArchitecture(Value());
                    break;
                case "--functions-code":
                    functionsCode = Value();
                    break;
                case "--stack-name":
                    stackName = Value();
                    break;
                case "--help" or "-h" or "-?":
                    help = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}' for publish.{Environment.NewLine}{Usage}");
            }
        }
        return new PublishCommandLine(output, architecture, functionsCode, stackName, help);
    }

    /// <exception cref="ArgumentException">Neither x86_64 nor arm64.</exception>
    public static FunctionArchitecture ParseArchitecture(string value) => value.ToLowerInvariant() switch
    {
        "x86_64" or "x64" or "amd64" => FunctionArchitecture.X86_64,
        "arm64" or "aarch64" => FunctionArchitecture.Arm64,
        _ => throw new ArgumentException($"Architecture '{value}' is not one Lambda runs: use x86_64 or arm64."),
    };
}
