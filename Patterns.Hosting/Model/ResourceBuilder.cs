namespace Patterns.Hosting.Model;

/// <summary>
/// A handle on a resource being declared: the fluent With* methods replace the resource in
/// its <see cref="AppModelBuilder"/> by a changed copy and return the same handle.
/// </summary>
public sealed class ResourceBuilder<T> where T : Resource
{
    internal ResourceBuilder(AppModelBuilder app, string name)
    {
        App = app;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The resource as declared so far.</summary>
    public T Resource => App.Current<T>(Name);

    internal AppModelBuilder App { get; }

    internal ResourceBuilder<T> Update(Func<T, T> change)
    {
        App.Replace(change(Resource));
        return this;
    }
}
