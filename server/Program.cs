using RiskMap.Server.Auth;
using RiskMap.Server.Basemap;
using RiskMap.Server.Cli;
using RiskMap.Server.Database;
using RiskMap.Server.Demo;
using RiskMap.Server.Exports;
using RiskMap.Server.Health;
using RiskMap.Server.Households;
using RiskMap.Server.Http;
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
    builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);  // nothing to advertise, bytes less per tile
    builder.Services.AddFaultProblems();             // every client error a 4xx problem; database away or slow: 503
    await builder.AddDatabaseAsync();                // configured PostGIS, or the managed local cluster
    builder.Services.AddHouseholdsAndStatistics();   // risk model, household writes, statistics
    builder.Services.AddDemo();                      // the demo dataset, when Demo:Enabled
    builder.AddTiles();                              // vector tile SQL, byte-bounded cache, invalidation
    builder.Services.AddImports();                   // households and boundaries imports, the export
    builder.Services.AddLive();                      // SignalR hub, change-log relay, alert clock and actions
    builder.Services.AddIngest();                    // ingest API: batches, household changes, area events
    builder.Services.AddAccess();                    // users, roles, area scopes, bearer tokens, per-user rate limits
    builder.Services.AddRegions();                   // drawn-region figures, visit lists, saved watch regions
    builder.Services.AddBasemap();                   // an optional local basemap folder (Basemap:Directory)
    builder.Services.AddApiCompression();            // JSON, CSV and GeoJSON answers gzip/br for clients that accept it

    var app = builder.Build();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseTileHitLane();                            // cached tiles ahead of routing, same access checks (TileHitLane)
    app.UseResponseCompression();                    // after the tile lane: tiles are gzipped already
    await app.MigrateDatabaseAsync();                // numbered .sql migrations before any request
    await app.LoadPolicyLinesAsync();                // monitoring and dibao lines per province and year
    await app.LoadDemoDataAsync();                   // generate and load 凉山州 into an empty database

    app.MapViewer();                                 // the map viewer (viewer/dist) at /, public
    app.UseAccess();                                 // everything below needs a token (docs/security.md)
    app.MapHealthEndpoints();                        // GET /health, public
    app.MapAuthEndpoints();                          // POST /api/auth/token (sign-in), GET /api/auth/me
    app.MapAdminEndpoints();                         // /api/admin/users, /api/admin/tokens
    app.MapRuntimeEndpoints();                       // GET /api/admin/runtime: memory, GC, thread pool (administrators)
    app.MapUnitEndpoints();                          // GET /api/units/{code}, /api/units?parent=
    app.MapHouseholdEndpoints();                     // GET /api/households/{id}
    app.MapTileEndpoints();                          // GET /tiles/{layer}.json, /tiles/{layer}/{z}/{x}/{y}
    app.MapBasemapEndpoints();                       // GET /basemap/tiles.json, /basemap/{z}/{x}/{y}, when a deployment has one
    app.MapImportEndpoints();                        // POST /api/imports/households|boundaries, GET /api/imports/{id}[/rejects]
    app.MapExportEndpoints();                        // GET /api/exports/households.csv, audited
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
