using System.Net.Http.Json;
using System.Text.Json;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Database;

public sealed class ServerLifetimeTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ServerWithoutConnectionString_RunsManagedPostgis_StopsItOnShutdown_AndReusesItsDataNextTime()
    {
        var root = TestPostgis.ScratchDirectory("server-managed");
        var env = new Dictionary<string, string> { ["Database__DataDirectory"] = root };

        int postgresPid;
        await using (var first = ServerProcess.Start(env))
        {
            await first.WaitHealthyAsync(Generous);
            var health = await new HttpClient().GetFromJsonAsync<JsonElement>(first.Url + "/health");
            Assert.True(health.GetProperty("managedDatabase").GetBoolean());
            Assert.StartsWith("3.", health.GetProperty("postgis").GetString());
            postgresPid = int.Parse(File.ReadLines(Path.Combine(root, "data", "postmaster.pid")).First());

            Assert.Equal(0, await first.StopAsync(Generous));
            Assert.Contains("Applied migration 0001_extensions.sql", first.Output);
        }
        Assert.True(ProcessEnded(postgresPid), "PostgreSQL should stop with the server");
        Assert.False(File.Exists(Path.Combine(root, "data", "postmaster.pid")), "a clean stop removes the pid file");

        await using var second = ServerProcess.Start(env);
        await second.WaitHealthyAsync(Generous);

        Assert.DoesNotContain("Initialised a new PostgreSQL", second.Output);
        Assert.DoesNotContain("Applied migration", second.Output);
    }

    [Fact]
    public async Task ServerWithUnreachableDatabase_StopsWithAClearError()
    {
        var env = new Dictionary<string, string> { ["ConnectionStrings__RiskMap"] = "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=2" };
        await using var server = ServerProcess.Start(env);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.WaitHealthyAsync(Generous));

        Assert.Contains("server exited", error.Message);
        Assert.Contains("riskmap: cannot start: Failed to connect to 127.0.0.1:1", error.Message);
        Assert.DoesNotContain("Unhandled exception", error.Message);
    }

    [Fact]
    public async Task ServerWithInvalidDatabaseOption_StopsNamingTheKey()
    {
        var env = new Dictionary<string, string> { ["Database__ManagedPort"] = "70000" };
        await using var server = ServerProcess.Start(env);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.WaitHealthyAsync(Generous));

        Assert.Contains("riskmap: cannot start: invalid configuration: Database:ManagedPort", error.Message);
    }

    private static bool ProcessEnded(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat").Contains(") Z"); }
        catch (IOException) { return true; }
    }
}
