using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Health;

public sealed class RuntimeEndpointTests
{
    [Fact]
    public async Task Runtime_ForAnAdministrator_ReportsMemoryAndCollections_AndIsRefusedToALeader()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var admin = await factory.CreateClientAsync(Role.Administrator);
        using var leader = await factory.CreateClientAsync(Role.Leader);
        using var nobody = factory.CreateClient();

        GC.Collect(2, GCCollectionMode.Forced, blocking: true); // the server runs in this process: a full collection to report
        var first = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/runtime"))!;
        _ = new byte[4 << 20]; // allocated between the two reads
        var second = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/runtime"))!;

        Assert.True((long)first["workingSetBytes"]! > 10 << 20);
        Assert.True((long)first["gcHeapBytes"]! > 0);
        Assert.InRange((long)first["gcRetainedBytes"]!, 1, (long)first["gcCommittedBytes"]!);
        Assert.True((long)second["allocatedBytes"]! >= (long)first["allocatedBytes"]! + (4 << 20));
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/api/admin/runtime")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nobody.GetAsync("/api/admin/runtime")).StatusCode);
    }
}
