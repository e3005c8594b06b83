using RiskMap.Server.Cli;
using RiskMap.Server.Database;
using RiskMap.Server.Demo;
using RiskMap.Server.Health;
using RiskMap.Server.Households;
using RiskMap.Server.Imports;
using RiskMap.Server.Live;
using RiskMap.Server.Ingest;
using RiskMap.Server.Regions;
using RiskMap.Server.Units;
using RiskMap.Server.Tiles;
using RiskMap.Server.Viewer;

// Command-line verbs (psql, …) share the server's configuration and database code.
if (CliVerbs.IsVerb(args)) return await CliVerbs.RunAsync(args);

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddProblemDetails();             // every client error as problem details
    await builder.AddDatabaseAsync();                // configured PostGIS, or the managed local cluster
    builder.Services.AddHouseholdsAndStatistics();   // risk model, household writes, statistics
    builder.Services.AddDemo();                      // the demo dataset, when Demo:Enabled
    builder.AddTiles();                              // vector tile SQL, byte-bounded cache, invalidation
    builder.Services.AddImports();                   // households and boundaries imports, the export
    builder.Services.AddLive();                      // SignalR hub, change-log relay, alert clock and actions
    builder.Services.AddIngest();                    // ingest API: batches, household changes, area events
    builder.Services.AddRegions();                   // drawn-region figures, visit lists, saved watch regions

    var app = builder.Build();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    await app.MigrateDatabaseAsync();                // numbered .sql migrations before any request
    await app.LoadPolicyLinesAsync();                // monitoring and dibao lines per province and year
    await app.LoadDemoDataAsync();                   // generate and load 凉山州 into an empty database

    app.MapViewer();                                 // the map viewer (viewer/dist) at /
    app.MapHealthEndpoints();                        // GET /health
    app.MapUnitEndpoints();                          // GET /api/units/{code}, /api/units?parent=
    app.MapHouseholdEndpoints();                     // GET /api/households/{id}
    app.MapTileEndpoints();                          // GET /tiles/{layer}.json, /tiles/{layer}/{z}/{x}/{y}
    app.MapImportEndpoints();                        // POST /api/imports/households|boundaries, GET /api/imports/{id}[/rejects]
    app.MapLive();                                   // /hubs/risk, GET /api/alerts, POST /api/alerts/{id}/acknowledge|resolve
    app.MapIngestEndpoints();                        // POST /api/households/batch, PATCH /api/households/{id}, …/assistance, …/visits, /api/events
    app.MapRegionEndpoints();                        // POST /api/regions/query|households, /api/regions CRUD

    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.IsKnown(e))
{
    Console.Error.WriteLine($"riskmap: cannot start: {StartupFailure.Describe(e)}");
    return 1;
}

public partial class Program { }
