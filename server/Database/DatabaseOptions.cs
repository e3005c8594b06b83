using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RiskMap.Server.Database;

/// <summary>
/// Where RiskMap's PostgreSQL lives. With no <c>ConnectionStrings:RiskMap</c> the server runs a
/// private managed cluster under <see cref="DataDirectory"/>; with one, it uses that server.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Folder of the managed cluster (data, password, log). Relative paths resolve against the repository root.</summary>
    [Required]
    public string DataDirectory { get; set; } = ".riskmap/pg";

    /// <summary>Port of the managed cluster on 127.0.0.1; 0 picks a free port at each start.</summary>
    [Range(0, 65535)]
    public int ManagedPort { get; set; }

    /// <summary>Database name inside the managed cluster.</summary>
    [Required]
    public string ManagedDatabase { get; set; } = "riskmap";

    /// <summary>Longest a single statement may run before PostgreSQL cancels it (so a slow query fails clearly instead of starving requests).</summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for the managed cluster to accept connections after starting it.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Binds and validates the section; a bad value stops start-up naming the key.</summary>
    public static DatabaseOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);
        if (options.StatementTimeout <= TimeSpan.Zero) errors.Add(new ValidationResult("must be positive", [nameof(StatementTimeout)]));
        if (options.StartTimeout <= TimeSpan.Zero) errors.Add(new ValidationResult("must be positive", [nameof(StartTimeout)]));
        if (errors.Count > 0)
            throw new OptionsValidationException(Section, typeof(DatabaseOptions),
                errors.Select(e => $"{Section}:{string.Join(",", e.MemberNames)}: {e.ErrorMessage}"));
        return options;
    }
}
