using System.Text;
using Microsoft.Extensions.Time.Testing;
using Telemetry.Alerting.Webhooks;

namespace Telemetry.Alerting.Tests.Webhooks;

[TestClass]
public sealed class WebhookSignatureTests
{
    // The Standard Webhooks reference libraries' test vector.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string Timestamp = "1614265330";
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"test\": 2432232314}");

    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1614265330);

    private static WebhookVerifier Verifier(DateTimeOffset now, string secret = Secret) => new(secret, new FakeTimeProvider(now));

    [TestMethod]
    public void TheSignerReproducesTheStandardWebhooksTestVector()
    {
        var headers = new WebhookSigner(Secret).Sign(Id, SentAt, Body);

        Assert.AreEqual(Expected, headers.Signature);
        Assert.AreEqual(Timestamp, headers.Timestamp);
        Assert.AreEqual(Id, headers.Id);
    }

    [TestMethod]
    public void TheSecretPrefixIsOptional()
    {
        Assert.AreEqual(Expected, new WebhookSigner("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").Signature(Id, Timestamp, Body));
    }

    [TestMethod]
    public void TheVerifierAcceptsTheTestVector()
    {
        Assert.AreEqual(WebhookVerification.Valid, Verifier(SentAt.AddSeconds(30)).Verify(Id, Timestamp, Expected, Body));
    }

    [TestMethod]
    public void ATamperedBodyIsRejected()
    {
        var tampered = Encoding.UTF8.GetBytes("{\"test\": 2432232315}");

        Assert.AreEqual(WebhookVerification.InvalidSignature, Verifier(SentAt).Verify(Id, Timestamp, Expected, tampered));
    }

    [TestMethod]
    public void AnotherIdIsRejected()
    {
        Assert.AreEqual(WebhookVerification.InvalidSignature, Verifier(SentAt).Verify("msg_other", Timestamp, Expected, Body));
    }

    [TestMethod]
    public void ATimestampOlderThanFiveMinutesIsRejected()
    {
        Assert.AreEqual(WebhookVerification.Valid, Verifier(SentAt.AddMinutes(5)).Verify(Id, Timestamp, Expected, Body));
        Assert.AreEqual(WebhookVerification.TimestampTooOld, Verifier(SentAt.AddMinutes(5).AddSeconds(1)).Verify(Id, Timestamp, Expected, Body));
    }

    [TestMethod]
    public void ATimestampMoreThanFiveMinutesAheadIsRejected()
    {
        Assert.AreEqual(WebhookVerification.TimestampTooNew, Verifier(SentAt.AddMinutes(-5).AddSeconds(-1)).Verify(Id, Timestamp, Expected, Body));
    }

    [TestMethod]
    public void AnotherSecretIsRejected()
    {
        var other = WebhookSecret.Generate();

        Assert.AreEqual(WebhookVerification.InvalidSignature, Verifier(SentAt, other).Verify(Id, Timestamp, Expected, Body));
    }

    [TestMethod]
    public void AnyOfSeveralSpaceSeparatedSignaturesMayMatch()
    {
        var header = $"v1a,c29tZXRoaW5nIGVsc2U= v1,bm9wZQ== {Expected}";

        Assert.AreEqual(WebhookVerification.Valid, Verifier(SentAt).Verify(Id, Timestamp, header, Body));
    }

    [TestMethod]
    public void MissingOrMalformedHeadersAreRejected()
    {
        var verifier = Verifier(SentAt);

        Assert.AreEqual(WebhookVerification.MissingHeader, verifier.Verify(null, Timestamp, Expected, Body));
        Assert.AreEqual(WebhookVerification.MissingHeader, verifier.Verify(Id, Timestamp, "", Body));
        Assert.AreEqual(WebhookVerification.InvalidTimestamp, verifier.Verify(Id, "1614265330.5", Expected, Body));
        Assert.AreEqual(WebhookVerification.InvalidSignature, verifier.Verify(Id, Timestamp, "v1,not base64!", Body));
    }

    [TestMethod]
    public void ASecretThatIsNotBase64IsRefusedWithoutEchoingIt()
    {
        var error = Assert.ThrowsExactly<FormatException>(() => new WebhookSigner("whsec_not*base64"));

        Assert.DoesNotContain("not*base64", error.Message);
    }
}
