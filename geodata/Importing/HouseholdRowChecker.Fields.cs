using RiskMap.Geodata.Domain;

namespace RiskMap.Geodata.Importing;

public sealed partial class HouseholdRowChecker
{
    /// <summary>Reads one item's fields into a household, collecting a reject per bad field.</summary>
    private sealed class RowReader(HouseholdRowChecker checker, HouseholdItem item)
    {
        private readonly List<(string Key, string Reason)> _errors = [];
        public bool HasErrors => _errors.Count > 0;
        public string? Id { get; private set; }

        /// <summary>The rejects, each field under the name the checker gives it.</summary>
        public IEnumerable<ImportReject> Errors => _errors.Select(e => new ImportReject(item.Position, checker._fieldName(e.Key), e.Reason, item.Raw));

        public void Error(string key, string reason)
        {
            if (!_errors.Contains((key, reason))) _errors.Add((key, reason));
        }

        public Household? Read()
        {
            var id = Text("household_id");
            if (id.Length == 0) Error("household_id", "a household id is required");
            else if (id.Length > 64) Error("household_id", $"household id of {id.Length} characters; at most 64");
            else if (id.Any(char.IsControl)) Error("household_id", "household id contains control characters");
            else Id = id;

            var village = Village();
            double lon = 0, lat = 0;
            Check("lon", HouseholdFields.Number(Text("lon"), out lon));
            Check("lat", HouseholdFields.Number(Text("lat"), out lat));
            if (!HasErrorIn("lon") && !HasErrorIn("lat") && !InChina(lon, lat))
                Error(lon is < HouseholdFields.MinLon or > HouseholdFields.MaxLon ? "lon" : "lat",
                    $"coordinates out of range: ({lon}, {lat}) is outside China (lon {HouseholdFields.MinLon}–{HouseholdFields.MaxLon}, lat {HouseholdFields.MinLat}–{HouseholdFields.MaxLat}); are lon and lat swapped?");

            Check("members", HouseholdFields.Count(Text("members"), 1, 30, out var members));
            Check("labour", HouseholdFields.Count(Text("labour"), 0, 30, out var labour));
            if (!HasErrorIn("members") && !HasErrorIn("labour") && labour > members)
                Error("labour", $"labour {labour} exceeds members {members}");
            Check("income_per_capita", HouseholdFields.Yuan(Text("income_per_capita"), -10_000_000, out var income));
            var rigid = 0;
            if (Text("rigid_expenditure").Trim().Length > 0) Check("rigid_expenditure", HouseholdFields.Yuan(Text("rigid_expenditure"), 0, out rigid));

            var relocated = Flag("relocated");
            var site = Site(relocated);
            Check("risk_types", HouseholdFields.RiskTypes(Text("risk_types"), out var riskTypes));
            Check("assistance", HouseholdFields.Assistance(Text("assistance"), out var assistance));
            Check("monitoring", HouseholdFields.Monitoring(Text("monitoring"), out var monitoring));
            var since = Date("monitored_since");
            var eliminated = Date("risk_eliminated_on");
            if (monitoring == MonitoringStatus.Monitored && since is null && !HasErrorIn("monitored_since"))
                Error("monitored_since", $"{Name("monitored_since")} is required for a monitored household");
            if (monitoring == MonitoringStatus.RiskEliminated && eliminated is null && !HasErrorIn("risk_eliminated_on"))
                Error("risk_eliminated_on", $"{Name("risk_eliminated_on")} is required when the risk is eliminated");
            var method = Text("elimination_method").Trim();

            if (HasErrors || village is null) return null;
            return new Household
            {
                HouseholdId = id, VillageCode = village.Value, Lon = lon, Lat = lat, Members = members, Labour = labour,
                IncomePerCapita = income, WageIncome = OptionalYuan("wage_income"), BusinessIncome = OptionalYuan("business_income"),
                PropertyIncome = OptionalYuan("property_income"), TransferIncome = OptionalYuan("transfer_income"),
                IncomeLastYear = OptionalYuan("income_last_year"), RigidExpenditure = rigid,
                FormerlyPoor = Flag("formerly_poor"), Dibao = Flag("dibao"), Tekun = Flag("tekun"), Relocated = relocated, SiteId = site,
                HousingUnsafe = Flag("housing_unsafe"), ChildOutOfSchool = Flag("child_out_of_school"),
                NoMedicalInsurance = Flag("no_medical_insurance"), WaterUnsafe = Flag("water_unsafe"),
                RiskTypes = riskTypes, Monitoring = monitoring, MonitoredSince = since, RiskEliminatedOn = eliminated,
                EliminationMethod = method.Length == 0 ? null : method, Assistance = assistance, LastVisitOn = Date("last_visit_on"),
            } is var h && !HasErrors ? h : null;
        }

        private UnitCode? Village()
        {
            var text = Text("village_code").Trim();
            if (!UnitCode.TryParse(text, out var code) || code.Level != UnitLevel.Village || text.Length != 12)
            {
                Error("village_code", text.Length == 0 ? "a village code is required" : $"'{text}' is not a 12-digit village code");
                return null;
            }
            if (!checker._references.Villages.Contains(code.Value))
            {
                Error("village_code", $"unknown village code {code}: no village (level 5) has it in admin_unit");
                return null;
            }
            return code;
        }

        private long? Site(bool relocated)
        {
            var text = Text("site_id").Trim();
            if (text.Length == 0) return null;
            if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var site))
                Error("site_id", $"malformed site id '{text}' (a whole number)");
            else if (!checker._references.Sites.Contains(site)) Error("site_id", $"unknown resettlement site {site}");
            else if (!relocated) Error("site_id", $"site {site} given for a household that is not relocated");
            else return site;
            return null;
        }

        private int? OptionalYuan(string key)
        {
            var text = Text(key);
            if (text.Trim().Length == 0) return null;
            return Check(key, HouseholdFields.Yuan(text, -10_000_000, out var v)) ? v : null;
        }

        private bool Flag(string key) => Check(key, HouseholdFields.Bool(Text(key), out var v)) && v;

        private DateOnly? Date(string key) => Check(key, HouseholdFields.Date(Text(key), out var v)) ? v : null;

        private bool Check(string key, string? error)
        {
            if (error is null) return true;
            Error(key, error);
            return false;
        }

        private bool HasErrorIn(string key) => _errors.Any(e => e.Key == key);

        private string Text(string key) => item.Text!(key);

        private string Name(string key) => checker._fieldName(key);

        private static bool InChina(double lon, double lat) =>
            lon is >= HouseholdFields.MinLon and <= HouseholdFields.MaxLon && lat is >= HouseholdFields.MinLat and <= HouseholdFields.MaxLat;
    }
}
