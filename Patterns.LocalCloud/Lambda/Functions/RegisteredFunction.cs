using Patterns.LocalCloud.Lambda.Execution;

namespace Patterns.LocalCloud.Lambda.Functions;

/// <summary>A function the Lambda API knows: its current configuration, its policy and its instances.</summary>
internal sealed class RegisteredFunction(FunctionDefinition definition, FunctionPool pool)
{
    private volatile FunctionDefinition _definition = definition;

    public FunctionDefinition Definition => _definition;

    public FunctionPool Pool { get; } = pool;

    public FunctionPolicy Policy { get; } = new();

    public AsyncInvokeConfig AsyncConfig { get; set; } = AsyncInvokeConfig.Default;

    /// <summary>Takes a new configuration; running instances of the old one are replaced as they come free.</summary>
    public void Update(FunctionDefinition definition)
    {
        _definition = definition;
        Pool.RetireIdle();
    }
}
