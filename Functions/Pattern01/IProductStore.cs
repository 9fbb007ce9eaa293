namespace Functions.Pattern01;

/// <summary>Where products live; the handler's only dependency, so its request handling is testable without a table.</summary>
internal interface IProductStore
{
    Task<Product> CreateAsync(NewProduct product, CancellationToken cancellationToken);

    Task<IReadOnlyList<Product>> ListAsync(CancellationToken cancellationToken);
}
