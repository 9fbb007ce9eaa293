using Functions.Pattern01;

namespace Patterns.Tests.Functions;

internal sealed class InMemoryProductStore : IProductStore
{
    private readonly List<Product> items = [];

    public IReadOnlyList<Product> Items => items;

    public Task<Product> CreateAsync(NewProduct product, CancellationToken cancellationToken)
    {
        var created = new Product(Guid.NewGuid().ToString(), product.Name, product.Price);
        items.Add(created);
        return Task.FromResult(created);
    }

    public Task<IReadOnlyList<Product>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Product>>(items.ToList());
}
