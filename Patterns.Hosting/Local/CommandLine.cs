using System.Globalization;

namespace Patterns.Hosting.Local;

/// <summary>The AppHost's command line for a local run: <c>[--port N]</c> (the AppHost hands <c>publish</c> to the CDK mapping).</summary>
internal sealed record CommandLine(int Port, bool Help)
{
    public const int DefaultPort = 4566;

    public const string Usage = """
        Runs the app locally: starts the local cloud, provisions every resource, runs until Ctrl+C.

        Options:
          --port N    the local AWS endpoint's port on 127.0.0.1 (default 4566; 0 picks a free port)
          --help      show this text

        Commands:
          publish     synthesizes the app for AWS (CDK, CloudFormation) instead; see publish --help
        """;

    /// <exception cref="ArgumentException">An unknown option or a bad port, with the usage.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var port = DefaultPort;
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            switch (name)
            {
                case "--port":
                    var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
                        throw new ArgumentException($"--port needs a port number from 0 to 65535, not '{value}'.{Environment.NewLine}{Usage}");
                    break;
                case "--help" or "-h" or "-?":
                    help = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.{Environment.NewLine}{Usage}");
            }
        }
        return new CommandLine(port, help);
    }
}
