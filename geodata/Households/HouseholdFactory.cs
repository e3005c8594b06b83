using NetTopologySuite.Geometries;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;

namespace RiskMap.Geodata.Households;

/// <summary>
/// Draws one household's fields. Income is drawn relative to the monitoring line as a shifted
/// lognormal (a floor near half the line, a long upper tail), so only a thin tail falls below
/// the line; formerly-poor households sit lower. Shocks (illness, disaster, lost work) both add
/// a risk type and pull income or spending, so the fields agree with each other.
/// </summary>
internal sealed partial class HouseholdFactory(DateOnly asOf, int monitoringLine)
{
    // Household sizes 1–8 with a mean of about 3.28 (Liangshan: 3.25).
    private static readonly double[] MemberWeights = [0, 0.14, 0.22, 0.23, 0.19, 0.11, 0.07, 0.03, 0.01];

    public Household Create(string id, UnitCode village, Coordinate home, VillageConditions place, long? siteId, bool relocated, SeededRandom rng)
    {
        var members = (short)rng.Pick(MemberWeights);
        var labour = (short)0;
        for (var i = 0; i < members; i++) if (rng.Chance(0.58)) labour++;
        if (members >= 2 && labour == 0 && rng.Chance(0.6)) labour = 1;

        var formerlyPoor = relocated || rng.Chance(place.FormerlyPoorShare);
        var risks = new List<string>(RiskType.MaxPerHousehold);
        if (rng.Chance(formerlyPoor ? 0.09 : 0.05)) risks.Add(RiskType.Illness);
        if (rng.Chance(formerlyPoor ? 0.06 : 0.03)) risks.Add(RiskType.Disability);
        if (members >= 3 && rng.Chance(0.025)) risks.Add(RiskType.Education);
        if (place.Disaster is { } disaster && rng.Chance(place.DisasterReach)) risks.Add(disaster);
        if (rng.Chance(0.007)) risks.Add(RiskType.Accident);
        if (!place.Urban && rng.Chance(0.01)) risks.Add(RiskType.IndustryFailure);
        if (labour > 0 && rng.Chance(relocated ? 0.12 : 0.04)) risks.Add(RiskType.UnstableEmployment);
        if (labour == 0 || (members >= 4 && labour == 1 && rng.Chance(0.3))) risks.Add(RiskType.LabourShortage);

        var housingUnsafe = rng.Chance(relocated ? 0.0005 : 0.004);
        var childOutOfSchool = members >= 3 && rng.Chance(0.0015);
        var noMedicalInsurance = rng.Chance(0.003);
        var waterUnsafe = rng.Chance(place.FragileWater ? 0.06 : 0.002);
        if (housingUnsafe) risks.Add(RiskType.HousingSafety);
        if (waterUnsafe) risks.Add(RiskType.DrinkingWater);
        if (risks.Count == 0 && rng.Chance(0.004)) risks.Add(RiskType.Other);
        if (risks.Count > RiskType.MaxPerHousehold) risks.RemoveRange(RiskType.MaxPerHousehold, risks.Count - RiskType.MaxPerHousehold);

        var income = DrawIncome(formerlyPoor, labour, members, risks, place.IncomeFactor, rng);
        // Calibrated so about 1% of households see last year's income collapse (a hard trigger);
        // a disaster this year makes it far likelier for the households it reached.
        var hitByDisaster = place.Disaster is { } d && risks.Contains(d);
        var suddenDrop = rng.Chance(hitByDisaster ? 0.35 : risks.Count > 0 ? 0.035 : 0.006);
        var lastYear = suddenDrop
            ? (int)Math.Round(income / rng.Uniform(0.4, 0.75))
            : (int)Math.Round(income / (1 + rng.Normal(0.06, 0.08)));
        var (wage, business, property, transfer) = SplitIncome(income, labour, formerlyPoor, rng);
        var rigid = DrawRigidExpenditure(risks, members, rng);

        var dibao = rng.Chance(formerlyPoor ? 0.16 : 0.04) || (labour == 0 && rng.Chance(0.35));
        var tekun = members == 1 && labour == 0 && rng.Chance(0.3);
        var perCapitaAfterRigid = income - rigid / Math.Max(1, (int)members);
        var atRisk = income < monitoringLine
            || perCapitaAfterRigid < monitoringLine
            || housingUnsafe || childOutOfSchool || noMedicalInsurance || waterUnsafe
            || (suddenDrop && income < monitoringLine * 1.2)
            || (risks.Count > 0 && income < monitoringLine * 1.1);
        var monitoring = DrawMonitoring(atRisk, formerlyPoor, income, rng);
        var assistance = DrawAssistance(monitoring, formerlyPoor, relocated, dibao || tekun, risks, rng);
        var lastVisit = DrawLastVisit(monitoring.Status, formerlyPoor, rng);

        return new Household
        {
            HouseholdId = id,
            VillageCode = village,
            Lon = Math.Round(home.X, 7),
            Lat = Math.Round(home.Y, 7),
            Members = members,
            Labour = labour,
            IncomePerCapita = income,
            WageIncome = wage,
            BusinessIncome = business,
            PropertyIncome = property,
            TransferIncome = transfer,
            IncomeLastYear = lastYear,
            RigidExpenditure = rigid,
            FormerlyPoor = formerlyPoor,
            Dibao = dibao,
            Tekun = tekun,
            Relocated = relocated,
            SiteId = siteId,
            HousingUnsafe = housingUnsafe,
            ChildOutOfSchool = childOutOfSchool,
            NoMedicalInsurance = noMedicalInsurance,
            WaterUnsafe = waterUnsafe,
            RiskTypes = risks,
            Monitoring = monitoring.Status,
            MonitoredSince = monitoring.Since,
            RiskEliminatedOn = monitoring.EliminatedOn,
            EliminationMethod = monitoring.Method,
            Assistance = assistance,
            LastVisitOn = lastVisit,
        };
    }

    private int DrawIncome(bool formerlyPoor, int labour, int members, List<string> risks, double villageFactor, SeededRandom rng)
    {
        // Ratio to the line: floor 0.5, median about 0.5 + 2.05 = 2.55 (formerly poor 2.0), so
        // about 2% of households fall below the line and a few percent more sit near it.
        var median = formerlyPoor ? 1.5 : 2.05;
        if (labour == 0) median *= 0.75;
        else if (labour * 2 >= members) median *= 1.1;
        if (risks.Count > 0) median *= 0.85;
        median *= villageFactor;
        var ratio = 0.5 + rng.LogNormal(median, 0.55);
        return (int)Math.Round(ratio * monitoringLine / 10) * 10;
    }

    private static (int Wage, int Business, int Property, int Transfer) SplitIncome(int income, int labour, bool formerlyPoor, SeededRandom rng)
    {
        var wageShare = labour == 0 ? rng.Uniform(0, 0.1) : rng.Uniform(0.35, 0.75);
        var businessShare = rng.Uniform(0.05, 0.3);
        var propertyShare = rng.Uniform(0, 0.05);
        var transferShare = (formerlyPoor ? 0.2 : 0.08) + (labour == 0 ? 0.4 : 0) + rng.Uniform(0, 0.1);
        var total = wageShare + businessShare + propertyShare + transferShare;
        var wage = (int)Math.Round(income * wageShare / total);
        var business = (int)Math.Round(income * businessShare / total);
        var property = (int)Math.Round(income * propertyShare / total);
        return (wage, business, property, income - wage - business - property);
    }

    private static int DrawRigidExpenditure(List<string> risks, int members, SeededRandom rng)
    {
        // Out-of-pocket after medical insurance; most households spend little that counts as rigid.
        var spend = rng.Chance(0.75) ? 0 : rng.LogNormal(400, 0.8) * members;
        if (risks.Contains(RiskType.Illness)) spend += rng.LogNormal(6_000, 0.9);
        if (risks.Contains(RiskType.Disability)) spend += rng.LogNormal(3_000, 0.7);
        if (risks.Contains(RiskType.Education)) spend += rng.LogNormal(7_000, 0.5);
        if (risks.Contains(RiskType.Accident)) spend += rng.LogNormal(12_000, 0.8);
        if (risks.Any(RiskType.IsDisaster)) spend += rng.LogNormal(5_000, 1.0);
        return (int)Math.Round(spend / 10) * 10;
    }
}
