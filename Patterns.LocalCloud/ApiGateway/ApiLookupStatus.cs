namespace Patterns.LocalCloud.ApiGateway;

internal enum ApiLookupStatus
{
    Found,
    ApiNotFound,
    StageNotFound,
}
