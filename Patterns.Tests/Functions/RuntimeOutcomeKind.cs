namespace Patterns.Tests.Functions;

internal enum RuntimeOutcomeKind
{
    Response,
    Error,
    InitError,
}
