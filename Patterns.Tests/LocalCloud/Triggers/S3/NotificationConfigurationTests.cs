using System.Text;
using Patterns.LocalCloud.Triggers.S3;

namespace Patterns.Tests.LocalCloud.Triggers.S3;

/// <summary>Keys as event records spell them, and the notification configuration's parsing and rules.</summary>
public sealed class NotificationConfigurationTests
{
    [Theory]
    [InlineData("red flower.jpg", "red+flower.jpg")]
    [InlineData("café/ü.txt", "caf%C3%A9/%C3%BC.txt")]
    [InlineData("a+b=c.txt", "a%2Bb%3Dc.txt")]
    [InlineData("2024-01-01T10:00:00 (1).png", "2024-01-01T10%3A00%3A00+%281%29.png")]
    [InlineData("plain/key_name-1.0*.bin", "plain/key_name-1.0*.bin")]
    public void Keys_are_form_URL_encoded_keeping_slashes(string key, string expected) =>
        Assert.Equal(expected, S3KeyEncoder.Encode(key));

    [Fact]
    public void A_configuration_round_trips_with_normalized_filter_names_and_generated_ids()
    {
        var parsed = NotificationXml.Parse(Encoding.UTF8.GetBytes("""
            <NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <CloudFunctionConfiguration><CloudFunction>arn:aws:lambda:us-east-1:000000000000:function:f</CloudFunction>
                <Event>s3:ObjectCreated:*</Event><Filter><S3Key><FilterRule><Name>prefix</Name><Value>in/</Value></FilterRule><FilterRule><Name>SUFFIX</Name><Value>.jpg</Value></FilterRule></S3Key></Filter>
              </CloudFunctionConfiguration>
              <QueueConfiguration><Id>q</Id><Queue>arn:aws:sqs:us-east-1:000000000000:q</Queue><Event>s3:ObjectRemoved:Delete</Event><Event>s3:ObjectRemoved:DeleteMarkerCreated</Event></QueueConfiguration>
              <EventBridgeConfiguration/>
            </NotificationConfiguration>
            """));

        var function = parsed.Rules.Single(r => r.Target == NotificationTarget.Lambda);
        Assert.NotEmpty(function.Id);
        Assert.Equal(("in/", ".jpg"), (function.Prefix, function.Suffix));
        Assert.True(parsed.EventBridge);
        var xml = NotificationXml.Serialize(parsed).ToString();
        Assert.Contains("<Name>Prefix</Name><Value>in/</Value>", xml.Replace("\r", "").Replace("\n", "").Replace(" ", ""));
        Assert.Equal(parsed.Rules.OrderBy(r => r.Id), NotificationXml.Parse(Encoding.UTF8.GetBytes(xml)).Rules.OrderBy(r => r.Id), new RuleComparer());
    }

    [Theory]
    [InlineData("s3:ObjectCreated:*", "s3:ObjectCreated:CompleteMultipartUpload", true)]
    [InlineData("s3:ObjectCreated:*", "s3:ObjectRemoved:Delete", false)]
    [InlineData("s3:ObjectRemoved:Delete", "s3:ObjectRemoved:Delete", true)]
    [InlineData("s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated", false)]
    public void Wildcard_events_cover_their_kind(string configured, string happened, bool wanted) =>
        Assert.Equal(wanted, new NotificationRule(NotificationTarget.Queue, "id", "arn", [configured], null, null).WantsEvent(happened));

    [Theory]
    [InlineData("images/", null, "images/", ".png", true)]
    [InlineData("images/", ".jpg", "images/", ".png", false)]
    [InlineData("images/", null, "docs/", null, false)]
    [InlineData(null, ".jpg", "photos/", "big.jpg", true)]
    public void Rules_that_could_both_take_one_key_for_one_event_overlap(string? prefixA, string? suffixA, string? prefixB, string? suffixB, bool overlap)
    {
        var notifications = new BucketNotifications(
        [
            new NotificationRule(NotificationTarget.Queue, "a", "arn:a", ["s3:ObjectCreated:*"], prefixA, suffixA),
            new NotificationRule(NotificationTarget.Queue, "b", "arn:b", ["s3:ObjectCreated:Put"], prefixB, suffixB),
        ], false);
        var error = Record.Exception(() => NotificationRules.Validate(notifications));
        if (overlap)
            Assert.Equal("InvalidArgument", Assert.IsType<S3ErrorException>(error).Code);
        else
            Assert.Null(error);
    }

    [Fact]
    public void A_filter_rule_other_than_prefix_or_suffix_is_refused()
    {
        var error = Assert.Throws<S3ErrorException>(() => NotificationXml.Parse(Encoding.UTF8.GetBytes("""
            <NotificationConfiguration><QueueConfiguration><Queue>arn:aws:sqs:us-east-1:000000000000:q</Queue><Event>s3:ObjectCreated:*</Event>
            <Filter><S3Key><FilterRule><Name>contains</Name><Value>x</Value></FilterRule></S3Key></Filter></QueueConfiguration></NotificationConfiguration>
            """)));
        Assert.Equal(("InvalidArgument", "filter rule name must be either prefix or suffix"), (error.Code, error.Message));
    }

    private sealed class RuleComparer : IEqualityComparer<NotificationRule>
    {
        public bool Equals(NotificationRule? x, NotificationRule? y) =>
            x is not null && y is not null && x.Target == y.Target && x.Id == y.Id && x.TargetArn == y.TargetArn && x.Events.SequenceEqual(y.Events) && x.Prefix == y.Prefix && x.Suffix == y.Suffix;

        public int GetHashCode(NotificationRule obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
