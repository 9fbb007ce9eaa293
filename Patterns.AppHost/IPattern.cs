using Patterns.Hosting.Model;

namespace Patterns.AppHost;

/// <summary>
/// One pattern of the catalogue (PATTERNS.md): declares its resources on the app's model.
/// A pattern is one class in Patterns/ (found by <see cref="PatternsApp"/>) plus its handlers
/// in one folder of the Functions project.
/// </summary>
public interface IPattern
{
    void Declare(AppModelBuilder app);
}
