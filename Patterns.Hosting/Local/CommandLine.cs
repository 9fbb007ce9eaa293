using System.Globalization;

namespace Patterns.Hosting.Local;

/// <summary>
/// The AppHost's command line for a run: <c>[--backend local|aws] [--port N] [--stack-name NAME] [--once]</c>
/// (the AppHost hands <c>publish</c> to the CDK mapping).
/// </summary>
internal sealed record CommandLine(Backend Backend, int Port, string StackName, bool Once, bool Help)
{
    public const int DefaultPort = 4566;

    /// <summary>The stack <c>publish</c> synthesizes unless told otherwise.</summary>
    public const string DefaultStackName = "ServerlessPatterns";

    /// <summary>The dashboard's port (0 = a free one); null runs without it.</summary>
    public int? DashboardPort { get; init; } = Dashboard.DashboardOptions.DefaultPort;

    public const string Usage = """
        Runs the app locally: starts the local cloud, provisions every resource, runs until Ctrl+C.
        With --backend aws, shows the app deployed to AWS instead (read from its stack's outputs).

        Options:
          --backend B      local (the default) or aws
          --port N         local: the local AWS endpoint's port on 127.0.0.1 (default 4566; 0 picks a free port)
          --dashboard-port N  local: the dashboard's port on 127.0.0.1 (default 18888; 0 picks a free port)
          --no-dashboard   local: run without the dashboard
          --stack-name S   aws: the deployed stack (default ServerlessPatterns); region and credentials
                           from AWS_REGION / AWS_DEFAULT_REGION and AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
          --once           print what runs where, then exit instead of running until Ctrl+C
          --help           show this text

        Commands:
          publish          synthesizes the app for AWS (CDK, CloudFormation) instead; see publish --help
        """;

    /// <exception cref="ArgumentException">An unknown option, a bad value or an option of the other backend, with the usage.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var backend = Backend.Local;
        int? port = null;
        int? dashboardPort = Dashboard.DashboardOptions.DefaultPort;
        var dashboardChosen = false;
        string? stackName = null;
        var once = false;
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            string? Value() => inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
            switch (name)
            {
                case "--backend":
                    var backendName = Value();
                    backend = backendName switch
                    {
                        "local" => Backend.Local,
                        "aws" => Backend.Aws,
                        _ => throw Error($"--backend needs local or aws, not '{backendName}'."),
                    };
                    break;
                case "--port":
                    var portText = Value();
                    if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed > 65535)
                        throw Error($"--port needs a port number from 0 to 65535, not '{portText}'.");
                    port = parsed;
                    break;
                case "--dashboard-port":
                    var dashboardText = Value();
                    if (!int.TryParse(dashboardText, NumberStyles.None, CultureInfo.InvariantCulture, out var dashboardParsed) || dashboardParsed > 65535)
                        throw Error($"--dashboard-port needs a port number from 0 to 65535, not '{dashboardText}'.");
                    dashboardPort = dashboardParsed;
                    dashboardChosen = true;
                    break;
                case "--no-dashboard":
                    dashboardPort = null;
                    dashboardChosen = true;
                    break;
                case "--stack-name":
                    stackName = Value();
                    if (string.IsNullOrWhiteSpace(stackName) || stackName.StartsWith('-'))
                        throw Error($"--stack-name needs the name of a deployed stack, not '{stackName}'.");
                    break;
                case "--once":
                    once = true;
                    break;
                case "--help" or "-h" or "-?":
                    help = true;
                    break;
                default:
                    throw Error($"Unknown argument '{args[i]}'.");
            }
        }
        if (backend == Backend.Local && stackName is not null)
            throw Error("--stack-name applies to --backend aws; a local run has no stack.");
        if (backend == Backend.Aws && port is not null)
            throw Error("--port applies to --backend local; --backend aws starts no local endpoint.");
        if (backend == Backend.Aws && dashboardChosen)
            throw Error("--dashboard-port and --no-dashboard apply to --backend local for now.");
        return new CommandLine(backend, port ?? DefaultPort, stackName ?? DefaultStackName, once, help) { DashboardPort = dashboardPort };
    }

    private static ArgumentException Error(string problem) => new($"{problem}{Environment.NewLine}{Usage}");
}
