using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Demo;

/// <summary>The demo dataset <c>./riskmap demo</c> loads into an empty database.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Load the demo dataset at start-up when the database has no units (the launcher's demo verb turns this on).</summary>
    public bool Enabled { get; set; }

    /// <summary>The area generated: 凉山州 by default; a province code (510000000000 Sichuan, 520000000000 Guizhou) or county works too.</summary>
    public string Root { get; set; } = "513400000000";

    /// <summary>Households relative to real magnitudes: 0.25 ≈ 350 k households for Liangshan (loads in well under a minute); 1.0 ≈ 1.4 M.</summary>
    public double Scale { get; set; } = 0.25;

    /// <summary>Generator seed: the same seed gives the same dataset.</summary>
    public ulong Seed { get; set; } = 20_240_601;

    public UnitCode RootCode => UnitCode.Parse(Root);
}
