namespace Functions.Pattern01;

/// <summary>A validated create request: what a product is before it has an id.</summary>
internal sealed record NewProduct(string Name, decimal Price);
