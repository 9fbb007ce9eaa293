using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>
/// HTTP/S subscriptions and their confirmation: AWS sends such an endpoint a
/// SubscriptionConfirmation with a token and delivers to it only after ConfirmSubscription with
/// that token. moto confirms every subscription at once, so the pending state is kept here.
/// </summary>
internal sealed class SubscriptionConfirmations
{
    private readonly ConcurrentDictionary<string, string> _pendingByToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _tokenByPending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _confirmed = new(StringComparer.Ordinal);

    public bool IsConfirmed(string subscriptionArn) => _confirmed.ContainsKey(subscriptionArn);

    public bool IsPending(string subscriptionArn) => _tokenByPending.ContainsKey(subscriptionArn);

    /// <summary>Marks the subscription pending and returns its token (the same one while it stays pending).</summary>
    public string Pend(string subscriptionArn) =>
        _tokenByPending.GetOrAdd(subscriptionArn, arn =>
        {
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(128));
            _pendingByToken[token] = arn;
            return token;
        });

    /// <summary>Confirms the subscription the token was sent for; null when no pending subscription has it.</summary>
    public string? Confirm(string token)
    {
        if (!_pendingByToken.TryGetValue(token, out var subscriptionArn))
            return null;
        _confirmed[subscriptionArn] = true;
        _tokenByPending.TryRemove(subscriptionArn, out _);
        // The token keeps working: ConfirmSubscription is idempotent.
        return subscriptionArn;
    }
}
