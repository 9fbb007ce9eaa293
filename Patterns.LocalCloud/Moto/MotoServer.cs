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
    // once the server listens and has been idle for 50 ms (the host's first calls come at once and
    // warm what they use; a warm-up beside them only competed for the one interpreter), makes one
    // cheap call to each service whose first call is slow, so that a later first call is not.
    // It also makes moto's SQS read a message's retention period from its queue directly: moto
    // looks it up through GetQueueAttributes, which counts the queue's messages, once per message
    // of every receive, so a receive on a deep queue took seconds (1.5 s at 1,000 messages; 11 ms so).
    // And it spares moto costs of its start, all on the path to the first answers, in CPU a start
    // on two cores is short of:
    // - the cyclic garbage collector is off until the start is over (it ran some hundred times
    //   over the start's objects, all of which live on; about 15% of the time to listen), then
    //   those objects are frozen out of its sweeps and it is turned on;
    // - botocore's data (service models, endpoints, partitions, paginators), which it parses from
    //   JSON with an OrderedDict for every object, and its list of service models (a walk of some
    //   400 directories), are kept pickled in the state directory across runs, keyed by each file's
    //   path, size and modification time and by botocore's version, and within a run the list is
    //   read once and the endpoints and partitions, which every boto3 session moto makes parses
    //   again (75 ms each time), once per process, as nothing writes to them;
    // - moto reads a service's routes from a service model instead of building a boto3 client
    //   for it (the first client costs some 80 ms), and werkzeug compiles the URL builder of each
    //   of those routes when it is first used, which in moto is never (some 80 ms over the
    //   routes of three services);
    // - the OpenAPI validator API Gateway imports with its models (a third of a second of CPU,
    //   jsonschema included) is loaded when an import first validates a document: its package,
    //   validation package and exceptions module are set up unexecuted, the two functions moto
    //   takes from it load them on first call, and the exception class moto's except clauses name
    //   is a placeholder until then, rebound to the real one where it was imported once it is
    //   loaded (nothing can raise the real one before).
    // - IAM (its models, its access control, S3's models with them; 35 ms) is imported by the first
    //   call of any service, to check the call against policies that moto checks only once
    //   INITIAL_NO_AUTH_ACTION_COUNT calls were made, which is never unless it is set: the call
    //   is counted as moto counts it, and IAM is imported when a check is due;
    // - YAML (moto's mocking library and API Gateway's import of a YAML document use it, neither at
    //   a start) and requests' character-set detector (which guesses a response's encoding) are in
    //   sys.modules unexecuted and run on their first use: some 40 ms of CPU a start did not need;
    // - urllib3 is imported first, at the top of the stack. Where moto's import of its core reaches
    //   it (through boto3, s3transfer and botocore), the regular-expression parser's calls cross a
    //   boundary between two chunks of CPython's frame stack, and an interpreter without the fix
    //   of CPython issue gh-142183 allocates and frees a chunk on each such call: urllib3's URL
    //   patterns took about 100 ms to compile there, against 5 ms here.
    // Each of these falls back to moto as it is, saying so on stderr, where moto has changed.
    private const string Launcher = """
        import urllib3
        import gc, os, sys, threading, time, urllib.request
        gc.disable()
        parent = os.getppid()
        def watch():
            while True:
                time.sleep(0.5)
                if os.getppid() != parent:
                    os._exit(0)
        serving, busy = threading.Lock(), {"requests": 0, "last": time.monotonic()}
        def requests_counted():
            from moto.moto_server.werkzeug_app import DomainDispatcherApplication
            original = DomainDispatcherApplication.__call__
            def call(self, environ, start_response):
                with serving:
                    busy["requests"] += 1
                try:
                    return original(self, environ, start_response)
                finally:
                    with serving:
                        busy["requests"] -= 1
                        busy["last"] = time.monotonic()
            DomainDispatcherApplication.__call__ = call
        def until_idle():
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                with serving:
                    if busy["requests"] == 0 and time.monotonic() - busy["last"] >= 0.05:
                        return
                time.sleep(0.01)
        def warm(port):
            calls = [("apigateway", "GET", "/restapis", None, None),
                     ("dynamodb", "POST", "/", "DynamoDB_20120810.ListTables", b"{}"),
                     ("logs", "POST", "/", "Logs_20140328.DescribeLogGroups", b"{}")]
            try:
                for _ in range(1000):
                    try:
                        urllib.request.urlopen(f"http://127.0.0.1:{port}/moto-api/data.json", timeout=2).read()
                        break
                    except OSError:
                        time.sleep(0.01)
                until_idle()
            finally:
                gc.freeze()
                gc.enable()
            for service, method, path, target, body in calls:
                until_idle()
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
        def on_first_use(name):
            # The module is in sys.modules unexecuted, with the attributes a module has before its
            # code runs; the first lookup of any other attribute runs its code, in one thread while
            # others wait for it, as an import would. Returns the module, or None if it is not deferred.
            import importlib.util
            if name in sys.modules:
                return None
            spec = importlib.util.find_spec(name)
            if spec is None or spec.loader is None:
                return None
            module = importlib.util.module_from_spec(spec)
            loader, plain, loading, loaded = spec.loader, type(module), threading.RLock(), []
            class OnFirstUse(plain):
                def __getattr__(self, attribute):
                    with loading:
                        if not loaded:
                            loaded.append(True)
                            try:
                                loader.exec_module(self)
                            except BaseException:
                                sys.modules.pop(name, None)
                                raise
                            self.__class__ = plain
                    return object.__getattribute__(self, attribute)
            module.__class__ = OnFirstUse
            sys.modules[name] = module
            return module
        def yaml_and_charset_detection_on_first_use():
            on_first_use("yaml")
            # requests reads charset_normalizer's version when it is imported; the detector itself
            # is used only to guess a response's encoding. Without the version set here, that read
            # runs the module.
            detector = on_first_use("charset_normalizer")
            if detector is None or not detector.__file__:
                return
            with open(os.path.join(os.path.dirname(detector.__file__), "version.py")) as version:
                for line in version:
                    if line.startswith("__version__"):
                        detector.__dict__["__version__"] = line.split("=", 1)[1].strip().strip("\"'")
                        return
        def x509_on_first_use():
            x509 = on_first_use("cryptography.x509")
            if x509 is not None:
                setattr(sys.modules["cryptography"], "x509", x509)
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
        def iam_checks_on_first_use():
            from moto import settings
            from moto.core.authorization import ActionAuthenticatorMixin as mixin
            normal, s3 = mixin._authenticate_and_authorize_normal_action, mixin._authenticate_and_authorize_s3_action
            def unchecked():
                # moto's own rule: calls are checked once INITIAL_NO_AUTH_ACTION_COUNT calls were
                # made (never, unless set); until then it only counts them.
                if mixin.request_count >= settings.INITIAL_NO_AUTH_ACTION_COUNT:
                    return False
                mixin.request_count += 1
                return True
            def normal_action(self, resource="*"):
                if not unchecked():
                    normal(self, resource)
            def s3_action(self, bucket_name=None, key_name=None):
                if not unchecked():
                    s3(self, bucket_name, key_name)
            mixin._authenticate_and_authorize_normal_action = normal_action
            mixin._authenticate_and_authorize_s3_action = s3_action
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
        def url_builders_on_first_use():
            from werkzeug.routing.rules import Rule
            original = Rule._compile_builder
            def _compile_builder(self, append_unknown=True):
                compiled = []
                def build(rule, *args, **kwargs):
                    if not compiled:
                        compiled.append(original(rule, append_unknown).__get__(rule, None))
                    return compiled[0](*args, **kwargs)
                return build
            Rule._compile_builder = _compile_builder
        def method_urls_from_the_model():
            import types
            import moto.core.responses
            from moto.core.base_backend import AccountSpecificBackend
            def client(service_name, region_name=None, **_):
                # The botocore session moto's backends list their regions with: one session's set-up less.
                return types.SimpleNamespace(_service_model=AccountSpecificBackend.get_session()._session.get_service_model(service_name))
            moto.core.responses.boto3 = types.SimpleNamespace(client=client)
        unkept = []
        def keep(directory, name, value):
            import pickle, tempfile
            try:
                handle, temporary = tempfile.mkstemp(dir=directory)
                with os.fdopen(handle, "wb") as file:
                    pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, os.path.join(directory, name))
            except OSError as error:
                if not unkept:
                    unkept.append(error)
                    print(f"botocore's parsed data cannot be kept in {directory}: {error}", file=sys.stderr)
        def kept(directory, name):
            import pickle
            try:
                with open(os.path.join(directory, name), "rb") as file:
                    return pickle.load(file)
            except FileNotFoundError:
                return None
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError) as error:
                print(f"botocore's kept data {name} is unreadable ({error!r}); parsing it again", file=sys.stderr)
                return None
        def botocore_data_kept_across_runs(directory):
            import hashlib, botocore, botocore.loaders
            directory = os.path.join(directory, "botocore-" + botocore.__version__)
            os.makedirs(directory, exist_ok=True)
            def key(*parts):
                return hashlib.blake2b(repr(parts).encode(), digest_size=20).hexdigest()
            list_services = botocore.loaders.Loader.list_available_services
            def list_available_services(self, type_name):
                stamps = tuple((path, os.stat(path).st_mtime_ns) for path in self.search_paths if os.path.isdir(path))
                name = "services-" + key(stamps, type_name)
                services = kept(directory, name)
                if services is None:
                    services = list_services(self, type_name)
                    keep(directory, name, services)
                return list(services)
            botocore.loaders.Loader.list_available_services = list_available_services
            load_file = botocore.loaders.JSONFileLoader.load_file
            def load_file_kept(self, file_path):
                for extension in botocore.loaders._JSON_OPEN_METHODS:
                    try:
                        stat = os.stat(file_path + extension)
                    except OSError:
                        continue
                    name = "data-" + key(file_path + extension, stat.st_mtime_ns, stat.st_size)
                    data = kept(directory, name)
                    if data is None:
                        data = load_file(self, file_path)
                        if data is not None:
                            keep(directory, name, data)
                    return data
                return None
            botocore.loaders.JSONFileLoader.load_file = load_file_kept
            regions_kept_across_runs(directory, key)
        def regions_kept_across_runs(directory, key):
            # A service's first backend lists its regions from botocore's endpoints: unpickling
            # those takes longer than the request that needs them, for a list that changes only
            # with botocore. Each service's list is kept, keyed by the endpoint files' stamps.
            import botocore
            from moto.core.base_backend import AccountSpecificBackend
            data = os.path.join(os.path.dirname(botocore.__file__), "data")
            stamps = []
            for file in ("endpoints.json", "partitions.json"):
                stat = os.stat(os.path.join(data, file))
                stamps.append((file, stat.st_mtime_ns, stat.st_size))
            generate_regions = AccountSpecificBackend._generate_regions
            def _generate_regions(self, service_name):
                name = "regions-" + key(tuple(stamps), service_name)
                regions = kept(directory, name)
                if regions is None:
                    regions = generate_regions(self, service_name)
                    keep(directory, name, regions)
                return list(regions)
            AccountSpecificBackend._generate_regions = _generate_regions
        try:
            yaml_and_charset_detection_on_first_use()
        except (ImportError, OSError) as error:
            print(f"moto imports YAML and requests' charset detection at its start: {error}", file=sys.stderr)
        try:
            url_builders_on_first_use()
        except (ImportError, AttributeError) as error:
            print(f"werkzeug compiles every URL builder of moto's routes: {error}", file=sys.stderr)
        try:
            method_urls_from_the_model()
        except (ImportError, AttributeError) as error:
            print(f"moto builds a client to read a service's routes: {error}", file=sys.stderr)
        if os.environ.get("PATTERNS_MOTO_CACHE"):
            try:
                botocore_data_kept_across_runs(os.environ["PATTERNS_MOTO_CACHE"])
            except (ImportError, AttributeError, OSError) as error:
                print(f"botocore parses its data again at every start: {error}", file=sys.stderr)
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
            iam_checks_on_first_use()
        except (ImportError, AttributeError) as error:
            print(f"moto imports IAM with the first call of every service: {error}", file=sys.stderr)
        try:
            x509_on_first_use()
        except (ImportError, AttributeError) as error:
            print(f"moto imports cryptography's X.509 with IAM: {error}", file=sys.stderr)
        try:
            openapi_validator_on_first_use()
        except (ImportError, AttributeError) as error:
            print(f"moto imports its OpenAPI validator with API Gateway: {error}", file=sys.stderr)
        threading.Thread(target=watch, daemon=True).start()
        try:
            requests_counted()
            threading.Thread(target=warm, args=(sys.argv[sys.argv.index("-p") + 1],), daemon=True).start()
        except (ImportError, AttributeError) as error:
            gc.enable()
            print(f"moto starts without warming its services: {error}", file=sys.stderr)
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
    /// <param name="options">The account every resource belongs to (MOTO_ACCOUNT_ID, the same as the
    /// Lambda service's ARNs), the state directory where botocore's parsed data is kept across runs, the log.</param>
    public static async Task<MotoServer> StartAsync(string python, int callbackPort, LocalCloudOptions options, CancellationToken cancellationToken)
    {
        // moto binds its port itself, a second after it was found free while Python imports
        // moto; any outgoing connection of the machine may take the port in between. That
        // failure names the port, and another free port is as good.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnAsync(FreePort(), python, callbackPort, options, cancellationToken).ConfigureAwait(false);
            }
            catch (MotoPortTakenException exception) when (attempt < 3)
            {
                options.Log?.WriteLine($"{exception.Message} Starting moto_server on another port.");
            }
        }
    }

    private static async Task<MotoServer> StartOnAsync(int port, string python, int callbackPort, LocalCloudOptions options, CancellationToken cancellationToken)
    {
        var startInfo = PythonStartInfo.For(python, ["-c", Launcher, "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        startInfo.Environment["MOTO_PORT"] = callbackPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        startInfo.Environment["MOTO_ACCOUNT_ID"] = options.AccountId;
        startInfo.Environment["PATTERNS_MOTO_CACHE"] = Path.Combine(options.StateDirectory, "moto-cache");
        startInfo.Environment["PYTHONUNBUFFERED"] = "1";

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start moto_server with '{python}'.");
        var output = new BoundedLog(200);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new MotoServer(process, new Uri($"http://127.0.0.1:{port}/"), options.Log);
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
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
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
