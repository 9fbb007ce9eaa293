using System.Text.Json;
using Patterns.LocalCloud.Triggers.Sns;

namespace Patterns.Tests.LocalCloud.Triggers.Sns;

/// <summary>SNS's filter-policy language, case by case, on message attributes and on the message body.</summary>
public sealed class SnsFilterPolicyTests
{
    // Attributes: name:Type=value separated by '|'.
    [Theory]
    [InlineData("""{"store":["example_corp"]}""", "store:String=example_corp", true)]
    [InlineData("""{"store":["example_corp"]}""", "store:String=other_corp", false)]
    [InlineData("""{"store":["example_corp"]}""", "", false)]
    [InlineData("""{"store":["a","b","example_corp"]}""", "store:String=example_corp", true)]
    [InlineData("""{"price":[100]}""", "price:Number=100", true)]
    [InlineData("""{"price":[100]}""", "price:Number=100.0", true)]
    [InlineData("""{"price":[100]}""", "price:String=100", false)]
    [InlineData("""{"price":["100"]}""", "price:Number=100", false)]
    [InlineData("""{"interests":["rugby"]}""", """interests:String.Array=["soccer","rugby"]""", true)]
    [InlineData("""{"interests":["golf"]}""", """interests:String.Array=["soccer","rugby"]""", false)]
    [InlineData("""{"codes":[7]}""", """codes:String.Array=[3,7]""", true)]
    [InlineData("""{"event":[{"prefix":"order-"}]}""", "event:String=order-placed", true)]
    [InlineData("""{"event":[{"prefix":"order-"}]}""", "event:String=refund-placed", false)]
    [InlineData("""{"file":[{"suffix":".jpg"}]}""", "file:String=cat.jpg", true)]
    [InlineData("""{"file":[{"suffix":".jpg"}]}""", "file:String=cat.png", false)]
    [InlineData("""{"store":[{"equals-ignore-case":"EXAMPLE_corp"}]}""", "store:String=example_CORP", true)]
    [InlineData("""{"store":[{"anything-but":["example_corp","other"]}]}""", "store:String=third", true)]
    [InlineData("""{"store":[{"anything-but":["example_corp","other"]}]}""", "store:String=other", false)]
    [InlineData("""{"store":[{"anything-but":"example_corp"}]}""", "", false)]
    [InlineData("""{"price":[{"anything-but":[100,200]}]}""", "price:Number=150", true)]
    [InlineData("""{"price":[{"anything-but":[100,200]}]}""", "price:Number=200", false)]
    [InlineData("""{"event":[{"anything-but":{"prefix":"order-"}}]}""", "event:String=refund", true)]
    [InlineData("""{"event":[{"anything-but":{"prefix":"order-"}}]}""", "event:String=order-1", false)]
    [InlineData("""{"event":[{"anything-but":{"suffix":"-test"}}]}""", "event:String=order-test", false)]
    [InlineData("""{"price":[{"numeric":[">",0,"<=",150]}]}""", "price:Number=150", true)]
    [InlineData("""{"price":[{"numeric":[">",0,"<=",150]}]}""", "price:Number=150.5", false)]
    [InlineData("""{"price":[{"numeric":["=",3.5]}]}""", "price:Number=3.5", true)]
    [InlineData("""{"price":[{"numeric":["<",10]}]}""", "price:String=5", false)]
    [InlineData("""{"store":[{"exists":true}]}""", "store:String=x", true)]
    [InlineData("""{"store":[{"exists":true}]}""", "", false)]
    [InlineData("""{"store":[{"exists":false}]}""", "", true)]
    [InlineData("""{"store":[{"exists":false}]}""", "store:String=x", false)]
    [InlineData("""{"source_ip":[{"cidr":"10.0.0.0/24"}]}""", "source_ip:String=10.0.0.7", true)]
    [InlineData("""{"source_ip":[{"cidr":"10.0.0.0/24"}]}""", "source_ip:String=10.0.1.7", false)]
    [InlineData("""{"store":["a"],"event":["b"]}""", "store:String=a|event:String=b", true)]
    [InlineData("""{"store":["a"],"event":["b"]}""", "store:String=a|event:String=c", false)]
    [InlineData("""{"store":["a"],"$or":[{"event":["b"]},{"price":[{"numeric":[">",10]}]}]}""", "store:String=a|price:Number=11", true)]
    [InlineData("""{"store":["a"],"$or":[{"event":["b"]},{"price":[{"numeric":[">",10]}]}]}""", "store:String=a|price:Number=9", false)]
    [InlineData("""{"blob":["x"]}""", "blob:Binary=eA==", false)]
    public void Attribute_policies_match_as_SNS_does(string policy, string attributes, bool expected)
    {
        var parsed = attributes.Length == 0
            ? []
            : attributes.Split('|').Select(a =>
            {
                var (nameAndType, value) = (a[..a.IndexOf('=')], a[(a.IndexOf('=') + 1)..]);
                return new MessageAttribute(nameAndType[..nameAndType.IndexOf(':')], nameAndType[(nameAndType.IndexOf(':') + 1)..], value);
            }).ToList();
        using var document = JsonDocument.Parse(policy);
        Assert.Equal(expected, SnsFilterPolicy.MatchesAttributes(document.RootElement, parsed));
    }

    [Theory]
    [InlineData("""{"kind":["order"]}""", """{"kind":"order"}""", true)]
    [InlineData("""{"kind":["order"]}""", """{"kind":"refund"}""", false)]
    [InlineData("""{"order":{"total":[{"numeric":[">=",100]}]}}""", """{"order":{"total":120}}""", true)]
    [InlineData("""{"order":{"total":[{"numeric":[">=",100]}]}}""", """{"order":{"total":99}}""", false)]
    [InlineData("""{"order":{"total":[{"numeric":[">=",100]}]}}""", """{"order":"flat"}""", false)]
    [InlineData("""{"tags":["red"]}""", """{"tags":["blue","red"]}""", true)]
    [InlineData("""{"items":{"sku":["A1"]}}""", """{"items":[{"sku":"B2"},{"sku":"A1"}]}""", true)]
    [InlineData("""{"paid":[true]}""", """{"paid":true}""", true)]
    [InlineData("""{"paid":[true]}""", """{"paid":"true"}""", false)]
    [InlineData("""{"note":[null]}""", """{"note":null}""", true)]
    [InlineData("""{"missing":[{"exists":false}]}""", """{"present":1}""", true)]
    [InlineData("""{"$or":[{"a":["x"]},{"b":["y"]}]}""", """{"b":"y"}""", true)]
    [InlineData("""{"kind":["order"]}""", "not json at all", false)]
    [InlineData("""{"kind":["order"]}""", """["order"]""", false)]
    public void Body_policies_match_as_SNS_does(string policy, string body, bool expected)
    {
        using var document = JsonDocument.Parse(policy);
        Assert.Equal(expected, SnsFilterPolicy.MatchesBody(document.RootElement, body));
    }
}
