using System.Text;
using CsCheck;
using Telemetry.Api.Http;
using Telemetry.Api.Scoping;
using Telemetry.Api.Tests.Support;
using Telemetry.Hostile;

namespace Telemetry.Api.Tests;

/// <summary>
/// Mutated <c>X-MS-CLIENT-PRINCIPAL</c> headers, as base64 and as the JSON inside it: the parser answers yes or no and
/// never throws, and a scoped route answers 200, 401 or 403.
/// </summary>
[TestClass]
public sealed class ClientPrincipalHostileProperties
{
    private static readonly byte[] Json = Convert.FromBase64String(Principals.Header("finance-llm@example.com", ("groups", "vision-group-id"), (Principals.RoleType, "sre")));

    private static readonly Gen<string> Header = Gen.Frequency(
        (3, Mutation.Of(Json, maxEdits: 4, maxRun: 40_000).Select(Convert.ToBase64String)),
        (1, Mutation.Of(Encoding.ASCII.GetBytes(Convert.ToBase64String(Json)), maxEdits: 3, maxRun: 40_000).Select(Encoding.Latin1.GetString)));

    [TestMethod]
    public void AMutatedPrincipalIsParsedWithinItsBoundsOrRefused()
    {
        Header.Sample(header => HostileRun.Bounded(() =>
        {
            if (ClientPrincipal.TryParse(header, out var principal))
            {
                Assert.IsNotNull(principal);
                Assert.IsLessThanOrEqualTo(RequestLimits.MaxClaims, principal.Names.Count + principal.Roles.Count + principal.Groups.Count);
                Assert.IsTrue(principal.Names.Concat(principal.Roles).Concat(principal.Groups).All(v => !string.IsNullOrEmpty(v)));
            }
        }, "parsing a principal"), iter: HostileRun.Iterations(1000), threads: 1);
    }

    [TestMethod]
    public async Task AScopedRouteAnswersAMutatedPrincipalWith200Or401Or403()
    {
        using var apis = new Apis(withWindows: false);
        var api = apis.Open(Apis.Scoping());

        await Header.SampleAsync(async header =>
        {
            var answer = await ApiCall.GetAsync(api, "/api/waste", header);

            Assert.Contains(answer.Status, new[] { 200, 401, 403 }, answer.Body);
        }, iter: HostileRun.Iterations(300), threads: 1);
    }

    [TestMethod]
    [DataRow("#")]
    [DataRow("{}")]
    [DataRow("{A}0")]
    [DataRow("e30=")]
    [DataRow("bnVsbA==")]
    public void TheNamedSeedsAreRefused(string header)
    {
        Assert.IsFalse(ClientPrincipal.TryParse(header, out _));
    }
}
