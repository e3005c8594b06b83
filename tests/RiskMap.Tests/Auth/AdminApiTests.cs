using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Auth;

public sealed class AdminApiTests
{
    [Fact]
    public async Task ACountyAdministrator_ManagesAccountsWithinTheCounty_AndNoOthers()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var admin = await factory.CreateClientAsync(Role.Administrator, "513431");
        using var provincial = await factory.CreateClientAsync(Role.Administrator, "51");

        var created = await admin.PostAsJsonAsync("/api/admin/users", new { username = "township-leader", role = "leader", scope = "513431100", password = "a good long password" });
        var outside = await admin.PostAsJsonAsync("/api/admin/users", new { username = "xide-leader", role = "leader", scope = "513432" });
        var everywhere = await admin.PostAsJsonAsync("/api/admin/users", new { username = "national", role = "leader", scope = "all" });
        var shortPassword = await admin.PostAsJsonAsync("/api/admin/users", new { username = "short", role = "leader", scope = "513431", password = "short" });
        var taken = await admin.PostAsJsonAsync("/api/admin/users", new { username = "township-leader", role = "leader", scope = "513431" });
        await provincial.PostAsJsonAsync("/api/admin/users", new { username = "xide-officer", role = "data-officer", scope = "513432" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, everywhere.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        var listed = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/users"))!.Select(u => (string)u!["username"]!).ToList();
        Assert.Contains("township-leader", listed);
        Assert.DoesNotContain("xide-officer", listed);
        Assert.DoesNotContain("administrator-2", listed); // the provincial administrator is above it
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/users/xide-officer")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PatchAsJsonAsync("/api/admin/users/xide-officer", new { disabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provincial.GetAsync("/api/admin/users/township-leader")).StatusCode);
    }

    [Fact]
    public async Task AnIssuedDeviceToken_ViewsOnly_AndStopsWorkingWhenRevokedOrItsAccountIsDisabled()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var admin = await factory.CreateClientAsync(Role.Administrator, "513431");
        await admin.PostAsJsonAsync("/api/admin/users", new { username = "wall-account", role = "planner", scope = "513431" });

        var issued = (await (await admin.PostAsJsonAsync("/api/admin/tokens", new { username = "wall-account", kind = "device", label = "昭觉县指挥中心 1", days = 30 }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        var second = (await (await admin.PostAsJsonAsync("/api/admin/tokens", new { username = "wall-account", kind = "device", label = "昭觉县指挥中心 2" }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        using var wall = factory.CreateClient();
        wall.DefaultRequestHeaders.Authorization = new("Bearer", (string)issued["token"]!);
        using var wall2 = factory.CreateClient();
        wall2.DefaultRequestHeaders.Authorization = new("Bearer", (string)second["token"]!);

        Assert.Equal("leader", (string?)issued["account"]!["role"]);
        Assert.Equal(HttpStatusCode.OK, (await wall.GetAsync("/tiles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wall.GetAsync("/api/exports/households.csv")).StatusCode);
        var tokens = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/tokens?user=wall-account"))!;
        Assert.Equal(2, tokens.Count);
        Assert.DoesNotContain((string)issued["token"]!, tokens.ToJsonString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/tokens/{(long)issued["tokenId"]!}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wall.GetAsync("/tiles")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await wall2.GetAsync("/tiles")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync("/api/admin/users/wall-account", new { disabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wall2.GetAsync("/tiles")).StatusCode);
    }
}
