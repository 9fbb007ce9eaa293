using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Patterns.LocalCloud.Moto;

/// <summary>
/// The moto_server child process: started on a private loopback port, health-checked, and
/// stopped with its whole process tree. The Python side also watches its parent and exits
/// when the parent is gone, so a killed host leaves no orphan behind.
/// </summary>
internal sealed class MotoServer : IAsyncDisposable
{
    // Runs moto's own entry point after starting two threads: one exits the interpreter as soon
    // as the process that started it has gone (its parent pid changes on re-parenting); the other,
    // once the server listens, makes one cheap call to each service whose first call is slow
    // (moto builds a service's app on first use: ~400 ms for API Gateway), so that this happens
    // while the host is still starting rather than in the middle of provisioning. It also makes
    // moto's SQS read a message's retention period from its queue directly: moto looks it up
    // through GetQueueAttributes, which counts the queue's messages, once per message of every
    // receive, so a receive on a deep queue took seconds (1.5 s at 1,000 messages; 11 ms so).
    // And it spares moto three costs of its start, all on the path to the first answers: botocore's
    // list of service models is read once instead of at every model load (a walk of some 400
    // directories each time); botocore's endpoints and partitions, which every boto3 session moto
    // makes parses again (75 ms each time), are parsed once per process, as nothing writes to them;
    // and the OpenAPI validator API Gateway imports with its models (a third of a second of CPU,
    // jsonschema included) is loaded when an import first validates a document: its package,
    // validation package and exceptions module are set up unexecuted, the two functions moto takes
    // from it load them on first call, and the exception class moto's except clauses name is a
    // placeholder until then, rebound to the real one where it was imported once it is loaded
    // (nothing can raise the real one before).
    private const string Launcher = """
        import os, sys, threading, time, urllib.request
        parent = os.getppid()
        def watch():
            while True:
                time.sleep(0.5)
                if os.getppid() != parent:
                    os._exit(0)
        def warm(port):
            calls = [("apigateway", "GET", "/restapis", None, None),
                     ("dynamodb", "POST", "/", "DynamoDB_20120810.ListTables", b"{}"),
                     ("logs", "POST", "/", "Logs_20140328.DescribeLogGroups", b"{}")]
            for _ in range(1000):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/moto-api/data.json", timeout=2).read()
                    break
                except OSError:
                    time.sleep(0.01)
            for service, method, path, target, body in calls:
                headers = {"Authorization": f"AWS4-HMAC-SHA256 Credential=warmup/20240101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0"}
                if target:
                    headers["X-Amz-Target"] = target
                    headers["Content-Type"] = "application/x-amz-json-1.1"
                try:
                    urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method=method, headers=headers), timeout=10).read()
                except OSError as error:
                    print(f"warm-up call to {service} failed: {error}", file=sys.stderr)
        def sqs_retention_from_the_queue():
            from moto.core.utils import unix_time
            from moto.sqs.models import SQSBackend
            def valid(self, queue_name, message):
                period = getattr(self.get_queue(queue_name), "message_retention_period", None)
                if not isinstance(period, int):
                    return original(self, queue_name, message)
                return period + message.sent_timestamp / 1000 > unix_time()
            original = SQSBackend.is_message_valid_based_on_retention_period
            SQSBackend.is_message_valid_based_on_retention_period = valid
        def service_models_listed_once():
            import botocore.loaders
            listed, listing = {}, threading.Lock()
            original = botocore.loaders.Loader.list_available_services
            def list_available_services(self, type_name):
                key = (tuple(self.search_paths), type_name)
                with listing:
                    if key not in listed:
                        listed[key] = original(self, type_name)
                return list(listed[key])
            botocore.loaders.Loader.list_available_services = list_available_services
        def openapi_validator_on_first_use():
            import importlib.util
            spec = importlib.util.find_spec("openapi_spec_validator")
            if spec is None or spec.name in sys.modules:
                return
            package = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = package
            validation_spec = importlib.util.find_spec(spec.name + ".validation")
            validation = importlib.util.module_from_spec(validation_spec)
            sys.modules[validation_spec.name] = validation
            package.validation = validation
            exceptions_spec = importlib.util.find_spec(validation_spec.name + ".exceptions")
            exceptions = importlib.util.module_from_spec(exceptions_spec)
            sys.modules[exceptions_spec.name] = exceptions
            validation.exceptions = exceptions
            placeholder = type("OpenAPIValidationError", (Exception,), {})
            exceptions.OpenAPIValidationError = placeholder
            loading, loaded = threading.Lock(), []
            def load():
                with loading:
                    if not loaded:
                        exceptions_spec.loader.exec_module(exceptions)
                        validation_spec.loader.exec_module(validation)
                        spec.loader.exec_module(package)
                        for module in list(sys.modules.values()):
                            if getattr(module, "OpenAPIValidationError", None) is placeholder:
                                module.OpenAPIValidationError = exceptions.OpenAPIValidationError
                        loaded.append(True)
                return package
            def deferred(name):
                def call(*args, **kwargs):
                    return getattr(load(), name)(*args, **kwargs)
                return call
            package.validate = deferred("validate")
            package.validate_spec = deferred("validate_spec")
        def shared_data_loaded_once():
            import botocore.loaders
            shared, loading = {}, threading.Lock()
            original = botocore.loaders.Loader.load_data_with_path
            def load_data_with_path(self, name):
                if name not in ("endpoints", "partitions"):
                    return original(self, name)
                key = (tuple(self.search_paths), name)
                with loading:
                    if key not in shared:
                        shared[key] = original(self, name)
                return shared[key]
            botocore.loaders.Loader.load_data_with_path = load_data_with_path
        try:
            sqs_retention_from_the_queue()
        except (ImportError, AttributeError) as error:
            print(f"moto's SQS keeps its slow retention check: {error}", file=sys.stderr)
        try:
            service_models_listed_once()
        except (ImportError, AttributeError) as error:
            print(f"moto lists botocore's service models at every model load: {error}", file=sys.stderr)
        try:
            shared_data_loaded_once()
        except (ImportError, AttributeError) as error:
            print(f"moto reads botocore's endpoints once per session: {error}", file=sys.stderr)
        try:
            openapi_validator_on_first_use()
        except (ImportError, AttributeError) as error:
            print(f"moto imports its OpenAPI validator with API Gateway: {error}", file=sys.stderr)
        threading.Thread(target=watch, daemon=True).start()
        threading.Thread(target=warm, args=(sys.argv[sys.argv.index("-p") + 1],), daemon=True).start()
        from moto.server import main
        main(sys.argv[1:])
        """;

    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly TextWriter? _log;

    private MotoServer(Process process, Uri url, TextWriter? log)
    {
        _process = process;
        Url = url;
        _log = log;
    }

    public Uri Url { get; }

    public int ProcessId => _process.Id;

    /// <param name="python">An interpreter that can import moto.</param>
    /// <param name="callbackPort">The edge's port, given to moto as MOTO_PORT so that its own
    /// internal calls (Step Functions invoking Lambda, …) come back through the edge.</param>
    /// <param name="accountId">The account every resource belongs to (MOTO_ACCOUNT_ID), the same as the Lambda service's ARNs.</param>
    public static async Task<MotoServer> StartAsync(string python, int callbackPort, string accountId, TextWriter? log, CancellationToken cancellationToken)
    {
        // moto binds its port itself, a second after it was found free while Python imports
        // moto; any outgoing connection of the machine may take the port in between. That
        // failure names the port, and another free port is as good.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnAsync(FreePort(), python, callbackPort, accountId, log, cancellationToken).ConfigureAwait(false);
            }
            catch (MotoPortTakenException exception) when (attempt < 3)
            {
                log?.WriteLine($"{exception.Message} Starting moto_server on another port.");
            }
        }
    }

    private static async Task<MotoServer> StartOnAsync(int port, string python, int callbackPort, string accountId, TextWriter? log, CancellationToken cancellationToken)
    {
        var startInfo = PythonStartInfo.For(python, ["-c", Launcher, "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        startInfo.Environment["MOTO_PORT"] = callbackPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        startInfo.Environment["MOTO_ACCOUNT_ID"] = accountId;
        startInfo.Environment["PYTHONUNBUFFERED"] = "1";

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start moto_server with '{python}'.");
        var output = new BoundedLog(200);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new MotoServer(process, new Uri($"http://127.0.0.1:{port}/"), log);
        try
        {
            await server.WaitHealthyAsync(output, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return server;
    }

    private async Task WaitHealthyAsync(BoundedLog output, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                var message = $"moto_server exited with code {_process.ExitCode} while starting. Its output:{Environment.NewLine}{output}";
                throw output.ToString().Contains("in use", StringComparison.OrdinalIgnoreCase)
                    ? new MotoPortTakenException($"moto_server could not listen on {Url}: the port was taken.", new InvalidOperationException(message))
                    : new InvalidOperationException(message);
            }
            try
            {
                using var response = await http.GetAsync(new Uri(Url, "moto-api/data.json"), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet: poll again below.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A health request timed out while moto was busy starting: poll again.
            }
            if (deadline.Elapsed > StartDeadline)
                throw new TimeoutException($"moto_server did not answer on {Url} within {StartDeadline.TotalSeconds:0} s. Its output:{Environment.NewLine}{output}");
            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException exception)
        {
            _log?.WriteLine($"moto_server (pid {_process.Id}) could not be stopped: {exception.Message}");
        }
        _process.Dispose();
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
