using System.Diagnostics;

namespace Patterns.LocalCloud.Moto;

/// <summary>How every Python process of the local cloud is started: output captured, and no module of the user's directory in the way.</summary>
internal static class PythonStartInfo
{
    /// <summary>
    /// Python puts the working directory first on the module path for <c>-c</c> and <c>-m</c>, so a
    /// <c>moto.py</c> or <c>flask.py</c> where the AppHost was started would be imported in place of
    /// the real one. PYTHONSAFEPATH keeps it off the path (Python 3.11 and later); the working
    /// directory is also the host's own, which holds no Python, for the interpreters before that.
    /// </summary>
    public static ProcessStartInfo For(string python, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        startInfo.Environment["PYTHONSAFEPATH"] = "1";
        return startInfo;
    }
}
