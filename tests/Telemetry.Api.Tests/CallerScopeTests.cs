using System.Text;
using Telemetry.Api.Scoping;
using Telemetry.Api.Tests.Support;

namespace Telemetry.Api.Tests;

[TestClass]
public sealed class CallerScopeTests
{
    [TestMethod]
    public void ThePrincipalHeaderIsReadAsAppServiceWritesIt()
    {
        var header = Principals.Header("alice@example.com", (Principals.RoleType, "finance"), ("groups", "0f3c-group"), ("roles", "auditor"), ("email", "alice@example.com"));

        Assert.IsTrue(ClientPrincipal.TryParse(header, out var principal));

        Assert.AreEqual("aad", principal!.AuthType);
        CollectionAssert.AreEqual(new[] { "alice@example.com" }, principal.Names.ToArray());
        CollectionAssert.AreEqual(new[] { "finance", "auditor" }, principal.Roles.ToArray());
        CollectionAssert.AreEqual(new[] { "0f3c-group" }, principal.Groups.ToArray());
    }

    [TestMethod]
    public void CustomNameAndRoleClaimTypesAreHonoured()
    {
        var json = """{"auth_typ":"github","claims":[{"typ":"login","val":"octo"},{"typ":"team","val":"sre"}],"name_typ":"login","role_typ":"team"}""";

        Assert.IsTrue(ClientPrincipal.TryParse(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)), out var principal));

        CollectionAssert.AreEqual(new[] { "octo" }, principal!.Names.ToArray());
        CollectionAssert.AreEqual(new[] { "sre" }, principal.Roles.ToArray());
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("%%%")]
    [DataRow("W10=")]
    [DataRow("eyJhdXRoX3R5cCI6ImFhZCJ9")]
    [DataRow("eyJjbGFpbXMiOlt7InR5cCI6W119XX0=")]
    public void AnythingButAPrincipalIsRefused(string header)
    {
        Assert.IsFalse(ClientPrincipal.TryParse(header, out var principal));
        Assert.IsNull(principal);
    }

    [TestMethod]
    public void TooManyClaimsOrTooLongAHeaderIsRefused()
    {
        var many = Principals.Header("x", [.. Enumerable.Range(0, 1001).Select(i => ("groups", $"g{i}"))]);
        var deep = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"claims\":[],\"x\":" + new string('[', 50) + new string(']', 50) + "}"));

        Assert.IsFalse(ClientPrincipal.TryParse(many, out _));
        Assert.IsFalse(ClientPrincipal.TryParse(new string('A', 32 * 1024 + 4), out _));
        Assert.IsFalse(ClientPrincipal.TryParse(deep, out _));
    }

    [TestMethod]
    public void TeamsAreTheUnionOfWhatNameRolesAndGroupsMapTo()
    {
        var options = new ApiScopingOptions
        {
            Enabled = true,
            CostCentres = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase)
            {
                ["Alice@Example.com"] = ["llm"],
                ["finance"] = ["vision", "llm"],
                ["speech-group"] = ["speech"],
                ["unrelated"] = ["robotics"],
            },
            FleetRoles = ["sre"],
        };
        var principal = Parse(Principals.Header("alice@example.com", (Principals.RoleType, "finance"), ("groups", "speech-group")));

        var scope = CallerScope.For(principal, options);

        Assert.IsFalse(scope.SeesFleet);
        Assert.AreEqual("alice@example.com", scope.Caller);
        CollectionAssert.AreEquivalent(new[] { "llm", "vision", "speech" }, scope.Teams!.ToArray());
        Assert.IsTrue(scope.Allows("speech"));
        Assert.IsFalse(scope.Allows("robotics"));
        Assert.IsFalse(scope.Allows("LLM"), "team names are exact");
        Assert.IsFalse(scope.Allows(null));
    }

    [TestMethod]
    public void AFleetRoleOrGroupSeesEverythingButANameDoesNot()
    {
        var options = new ApiScopingOptions { Enabled = true, FleetRoles = ["SRE", "sre-group-id"] };
        var byRole = Parse(Principals.Role("dave", "sre"));
        var byGroup = Parse(Principals.Group("erin", "sre-group-id"));
        var byName = Parse(Principals.Header("sre"));

        Assert.IsTrue(CallerScope.For(byRole, options).SeesFleet);
        Assert.IsNull(CallerScope.For(byRole, options).Teams);
        Assert.IsTrue(CallerScope.For(byGroup, options).Allows("anyone"));
        Assert.IsFalse(CallerScope.For(byName, options).SeesFleet, "a user called sre holds no role");
    }

    [TestMethod]
    public void WithScopingOffEveryoneSeesEverything()
    {
        var scope = CallerScope.Of(ApiCall.Get("/api/fleet").Request, new ApiScopingOptions());

        Assert.AreSame(CallerScope.Everything, scope);
        Assert.IsTrue(scope.Allows("anything"));
    }

    private static ClientPrincipal Parse(string header)
    {
        Assert.IsTrue(ClientPrincipal.TryParse(header, out var principal));
        return principal!;
    }
}
