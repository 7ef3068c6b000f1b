using System.Net;
using System.Net.Http.Headers;
using Telemetry.Alerting.Delivery;

namespace Telemetry.Alerting.Tests.Delivery;

[TestClass]
public sealed class ResponseClassificationTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);

    [TestMethod]
    [DataRow(200, "Delivered")]
    [DataRow(204, "Delivered")]
    [DataRow(301, "Permanent")]
    [DataRow(302, "Permanent")]
    [DataRow(307, "Permanent")]
    [DataRow(400, "Permanent")]
    [DataRow(401, "Permanent")]
    [DataRow(404, "Permanent")]
    [DataRow(410, "Permanent")]
    [DataRow(408, "Retry")]
    [DataRow(429, "Retry")]
    [DataRow(500, "Retry")]
    [DataRow(502, "Retry")]
    [DataRow(503, "Retry")]
    public void StatusCodesAreDeliveredRetriedOrFailedForGood(int status, string outcome)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        Assert.AreEqual(outcome, WebhookEndpoint.Classify(response, Now).Outcome.ToString());
    }

    [TestMethod]
    public void RetryAfterInSecondsIsADelay()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(120));

        Assert.AreEqual(TimeSpan.FromSeconds(120), WebhookEndpoint.Classify(response, Now).RetryAfter);
    }

    [TestMethod]
    public void RetryAfterAsAnHttpDateIsTheTimeUntilThen()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", "Tue, 04 Mar 2025 10:01:30 GMT");

        Assert.AreEqual(TimeSpan.FromSeconds(90), WebhookEndpoint.Classify(response, Now).RetryAfter);
    }

    [TestMethod]
    public void RetryAfterInThePastMeansNow()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "Tue, 04 Mar 2025 09:00:00 GMT");

        Assert.AreEqual(TimeSpan.Zero, WebhookEndpoint.Classify(response, Now).RetryAfter);
    }

    [TestMethod]
    public void BackoffDoublesWithJitterUpToItsCap()
    {
        var random = new Random(7);
        var baseDelay = TimeSpan.FromSeconds(10);
        var max = TimeSpan.FromMinutes(10);

        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var full = TimeSpan.FromSeconds(Math.Min(10 * Math.Pow(2, attempt - 1), 600));
            var delay = WebhookBackoff.Delay(attempt, baseDelay, max, random);
            Assert.IsTrue(delay >= full / 2 && delay <= full, $"attempt {attempt}: {delay} outside [{full / 2}, {full}]");
        }
    }
}
