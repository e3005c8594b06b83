using Microsoft.Extensions.FileProviders;
using RiskMap.Server.Database;

namespace RiskMap.Server.Viewer;

/// <summary>Serves the built map viewer (<c>viewer/dist</c>) at <c>/</c>.</summary>
public static class ViewerEndpoints
{
    /// <summary>
    /// Public static files (the viewer holds no data; it asks for a token before any) from <see cref="ViewerOptions.Directory"/> (<c>&lt;repository root&gt;/viewer/dist</c>) with <c>index.html</c> as the default;
    /// when the viewer was never built, <c>/</c> answers a 503 problem saying how to build it.
    /// </summary>
    public static WebApplication MapViewer(this WebApplication app)
    {
        var options = app.Configuration.GetSection(ViewerOptions.Section).Get<ViewerOptions>() ?? new ViewerOptions();
        var dist = Path.IsPathRooted(options.Directory)
            ? options.Directory
            : Path.Combine(DatabaseSetup.RepositoryRoot(app.Environment.ContentRootPath), options.Directory);
        if (!File.Exists(Path.Combine(dist, "index.html")))
        {
            app.MapGet("/", ViewerMissing).WithName("Viewer").WithTags("Viewer").AllowAnonymous();
            return app;
        }
        var files = new PhysicalFileProvider(dist);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // index.html names the hashed bundles: revalidate it so a rebuilt viewer shows at once. What it
            // names under assets/ (scripts, styles, font subsets) has the content's hash in its name: kept a year.
            OnPrepareResponse = c =>
            {
                if (c.File.Name == "index.html") c.Context.Response.Headers.CacheControl = "no-cache";
                else if (c.Context.Request.Path.StartsWithSegments("/assets")) c.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            },
        });
        return app;
    }

    private static IResult ViewerMissing() => TypedResults.Problem(
        title: "Viewer not built",
        detail: "viewer/dist does not exist: run ./riskmap demo (it builds the viewer), or npm ci && npm run build in viewer/.",
        statusCode: StatusCodes.Status503ServiceUnavailable);
}
