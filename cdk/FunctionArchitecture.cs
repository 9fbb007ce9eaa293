namespace Patterns.Cdk;

/// <summary>The instruction set the functions are published for and run on in AWS.</summary>
public enum FunctionArchitecture
{
    /// <summary>x86_64, published for linux-x64 (the default).</summary>
    X86_64,

    /// <summary>arm64 (Graviton), published for linux-arm64.</summary>
    Arm64,
}
