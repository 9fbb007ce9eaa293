using Patterns.AppHost;
using Patterns.AppHost.Patterns;
using Patterns.Hosting.Model;

namespace Patterns.Tests.AppHost;

public sealed class PatternSelectionTests
{
    private static readonly IReadOnlyList<IPattern> Catalogue = PatternsApp.AllPatterns();

    [Fact]
    public void Without_the_option_every_pattern_runs_and_the_arguments_pass_through()
    {
        var (patterns, rest) = PatternSelection.Take(["--port", "0", "--once"], Catalogue);

        Assert.Equal(Catalogue.Select(p => p.GetType()), patterns.Select(p => p.GetType()));
        Assert.Equal(["--port", "0", "--once"], rest);
    }

    [Fact]
    public void The_option_chooses_patterns_by_number_in_the_catalogue_order_and_is_taken_out()
    {
        var (patterns, rest) = PatternSelection.Take(["--port", "0", "--patterns", "4,01,2", "--once"], Catalogue);

        Assert.Equal([typeof(Pattern01ApiBackend), typeof(Pattern02SecuredApi), typeof(Pattern04QueueLoadLeveling)], patterns.Select(p => p.GetType()));
        Assert.Equal(["--port", "0", "--once"], rest);
    }

    [Fact]
    public void A_chosen_pattern_brings_what_it_builds_on_and_nothing_else()
    {
        var (patterns, _) = PatternSelection.Take(["--patterns", "2"], Catalogue);
        var model = PatternsApp.Build([.. patterns]);

        Assert.Contains(model.Functions, f => f.Name == Pattern01ApiBackend.FunctionName);
        Assert.Contains(model.Functions, f => f.Name == Pattern02SecuredApi.AuthorizerFunctionName);
        Assert.DoesNotContain(model.Queues, q => q.Name.StartsWith("PaymentQueue", StringComparison.Ordinal));
        Assert.True(model.Functions.Count() < PatternsApp.Build().Functions.Count());
    }

    [Theory]
    [InlineData("9")]
    [InlineData("one")]
    public void An_unknown_pattern_is_refused_naming_the_patterns_there_are(string number)
    {
        var error = Assert.Throws<ArgumentException>(() => PatternSelection.Take(["--patterns", number], Catalogue));

        Assert.Contains($"there is no pattern '{number}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 (Pattern01ApiBackend)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--once")]
    public void The_option_without_a_list_is_refused(params string[] after)
    {
        var error = Assert.Throws<ArgumentException>(() => PatternSelection.Take(["--patterns", .. after], Catalogue));

        Assert.Contains("--patterns needs the numbers of the patterns to run", error.Message, StringComparison.Ordinal);
    }
}
