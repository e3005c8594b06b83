using System.Globalization;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Database;

namespace RiskMap.Server.Alerts;

/// <summary>
/// Applies rule readings to the alert table inside the caller's transaction: opens, raises,
/// resolves and quietly updates alerts as <see cref="AlertLifecycle"/> decides, audits every
/// transition and appends the visible ones to the live log. The caller holds the live lock
/// (<see cref="Live.LiveLog.LockAsync"/>), which serialises every alert write.
/// </summary>
public sealed class AlertEngine
{
    /// <summary>
    /// Evaluates the readings at <paramref name="now"/>: a write's own moment (the time its figures and
    /// their history carry), so an alert it raises is open from the very moment the figures changed.
    /// A new alert waits the pending period of <paramref name="rules"/> (those in force: <see cref="AlertSettings"/>).
    /// </summary>
    public async Task<IReadOnlyList<AlertTransition>> EvaluateAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<AlertReading> readings, DateTimeOffset now, AlertOptions rules, CancellationToken ct)
    {
        if (readings.Count == 0) return [];
        var latest = new Dictionary<(string, AlertSubject), AlertReading>();
        foreach (var r in readings) latest[(r.Rule, r.Subject)] = r;
        var (open, suppressed) = await LoadAsync(conn, tx, latest.Values, ct);

        var pending = rules.PendingPeriod;
        var transitions = new List<AlertTransition>();
        var touched = new List<(long Id, AlertReading Reading)>();
        var unsuppress = new List<long>();
        var opened = new List<(int Transition, AlertReading Reading, string State)>();
        await using var batch = new NpgsqlBatch(conn, tx);
        foreach (var (key, r) in latest)
        {
            open.TryGetValue(key, out var alert);
            var hidden = suppressed.TryGetValue(key, out var ids) ? ids : [];
            switch (AlertLifecycle.Decide(alert, hidden.Count > 0, r, now, pending))
            {
                case AlertAction.OpenPending:
                case AlertAction.OpenRaised:
                    var state = pending > TimeSpan.Zero ? AlertState.Pending : AlertState.Raised;
                    // Its id comes from the one insert of every new alert below.
                    opened.Add((transitions.Count, r, state));
                    transitions.Add(new AlertTransition(0, null, state, "system", OpenedText(r), state == AlertState.Raised ? AlertEvent.Raised : null));
                    break;
                case AlertAction.Promote:
                    batch.BatchCommands.Add(AlertStore.SetState(alert!.AlertId, AlertState.Raised, now, null, null, false));
                    touched.Add((alert.AlertId, r));
                    transitions.Add(new AlertTransition(alert.AlertId, AlertState.Pending, AlertState.Raised, "system",
                        $"held for {pending}; {OpenedText(r)}", AlertEvent.Raised));
                    break;
                case AlertAction.Resolve:
                    touched.Add((alert!.AlertId, r));
                    batch.BatchCommands.Add(AlertStore.SetState(alert.AlertId, AlertState.Resolved, now, "system", ClearedText(r), false));
                    transitions.Add(new AlertTransition(alert.AlertId, alert.State, AlertState.Resolved, "system", ClearedText(r), AlertEvent.Resolved));
                    break;
                case AlertAction.CancelPending:
                    touched.Add((alert!.AlertId, r));
                    var reason = "cleared while pending: " + ClearedText(r);
                    batch.BatchCommands.Add(AlertStore.SetState(alert.AlertId, AlertState.Resolved, now, "system", reason, false));
                    transitions.Add(new AlertTransition(alert.AlertId, AlertState.Pending, AlertState.Resolved, "system", reason, null));
                    break;
                case AlertAction.Touch:
                    touched.Add((alert!.AlertId, r));
                    break;
                case AlertAction.Unsuppress:
                    unsuppress.AddRange(hidden);
                    break;
            }
        }
        await InsertAsync(conn, tx, opened, transitions, now, ct);
        if (touched.Count > 0)
        {
            var touch = new NpgsqlBatchCommand(SqlFile.Load("Alerts.touch"));
            touch.Parameters.Add(new() { Value = touched.Select(t => t.Id).ToArray() });
            touch.Parameters.Add(new() { Value = touched.Select(t => t.Reading.Metric).ToArray() });
            touch.Parameters.Add(new() { Value = touched.Select(t => t.Reading.Households).ToArray() });
            touch.Parameters.Add(new() { Value = touched.Select(t => t.Reading.Holds).ToArray() });
            // Before any state change, so a transition's message carries the latest reading.
            batch.BatchCommands.Insert(0, touch);
        }
        if (unsuppress.Count > 0)
        {
            var cmd = new NpgsqlBatchCommand(SqlFile.Load("Alerts.unsuppress"));
            cmd.Parameters.Add(new() { Value = unsuppress.ToArray() });
            batch.BatchCommands.Add(cmd);
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
        await AlertStore.RecordAsync(conn, tx, transitions, now, ct);
        return transitions;
    }

    private static async Task<(Dictionary<(string, AlertSubject), OpenAlert> Open, Dictionary<(string, AlertSubject), List<long>> Suppressed)> LoadAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyCollection<AlertReading> readings, CancellationToken ct)
    {
        var open = new Dictionary<(string, AlertSubject), OpenAlert>();
        var suppressed = new Dictionary<(string, AlertSubject), List<long>>();
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Alerts.open_alerts"), conn, tx);
        cmd.Parameters.Add(new() { Value = readings.Select(r => r.Rule).ToArray() });
        cmd.Parameters.Add(new() { Value = readings.Select(r => r.Subject.Kind).ToArray() });
        cmd.Parameters.Add(new() { Value = readings.Select(r => r.Subject.Id).ToArray() });
        cmd.Parameters.Add(new() { Value = readings.Select(r => r.Subject.HouseholdKey).ToArray() });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var household = reader.GetString(4);
            var key = (reader.GetString(1), new AlertSubject(reader.GetString(2), reader.GetInt64(3), household.Length == 0 ? null : household));
            var state = reader.GetString(5);
            if (state != AlertState.Resolved) open[key] = new OpenAlert(reader.GetInt64(0), state, reader.GetFieldValue<DateTimeOffset>(6));
            if (reader.GetBoolean(7))
            {
                if (!suppressed.TryGetValue(key, out var ids)) suppressed[key] = ids = [];
                ids.Add(reader.GetInt64(0));
            }
        }
        return (open, suppressed);
    }

    /// <summary>Inserts the new alerts in one statement and puts their ids into their transitions.</summary>
    private static async Task InsertAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<(int Transition, AlertReading Reading, string State)> opened,
        List<AlertTransition> transitions, DateTimeOffset now, CancellationToken ct)
    {
        if (opened.Count == 0) return;
        var byKey = opened.ToDictionary(o => (o.Reading.Rule, o.Reading.Subject.Kind, o.Reading.Subject.Id, o.Reading.Subject.HouseholdKey), o => o.Transition);
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Alerts.insert_alerts"), conn, tx);
        var readings = opened.Select(o => o.Reading).ToList();
        cmd.Parameters.Add(new() { Value = readings.Select(r => r.Rule).ToArray() });
        cmd.Parameters.Add(new() { Value = readings.Select(r => r.Subject.Kind).ToArray() });
        cmd.Parameters.Add(new() { Value = readings.Select(r => r.Subject.Id).ToArray() });
        cmd.Parameters.Add(new() { Value = readings.Select(r => r.Subject.HouseholdKey).ToArray() });
        cmd.Parameters.Add(new() { Value = readings.Select(r => r.UnitCode).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<long?[]> { TypedValue = readings.Select(r => CountyOf(r.UnitCode)).ToArray() });
        cmd.Parameters.Add(new() { Value = readings.Select(r => r.Severity).ToArray() });
        cmd.Parameters.Add(new() { Value = opened.Select(o => o.State).ToArray() });
        cmd.Parameters.Add(new() { Value = readings.Select(r => r.Metric).ToArray() });
        cmd.Parameters.Add(new() { Value = readings.Select(r => r.Threshold).ToArray() });
        cmd.Parameters.Add(new() { Value = readings.Select(r => r.ClearThreshold).ToArray() });
        cmd.Parameters.Add(new() { Value = readings.Select(r => r.Households).ToArray() });
        cmd.Parameters.Add(new() { Value = readings.Select(r => r.Holds).ToArray() });
        cmd.Parameters.Add(new() { Value = now });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var i = byKey[(reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4))];
            transitions[i] = transitions[i] with { AlertId = reader.GetInt64(0) };
        }
    }

    private static long? CountyOf(long unitCode)
    {
        var unit = new UnitCode(unitCode);
        return unit.Level >= UnitLevel.County ? unit.County.Value : null;
    }

    /// <summary>Why an alert opened, for the audit trail.</summary>
    public static string OpenedText(AlertReading r) => r.Rule switch
    {
        AlertRule.Scale => $"{Percent(r.Metric)} of {r.Households} households at level II or above, above {Percent(r.Threshold)}",
        AlertRule.SiteEmployment => $"{Percent(r.Metric)} of the labour force employed, below {Percent(r.Threshold)}",
        _ when AlertRule.IsWatch(r.Rule) => $"the watched figure is {Number(r.Metric)} in {r.Households} households, at or above {Number(r.Threshold)}",
        _ => "level III with no assistance",
    };

    /// <summary>Why an alert resolved by itself, for the audit trail and the resolution reason.</summary>
    public static string ClearedText(AlertReading r) => r.Rule switch
    {
        AlertRule.Scale when r.Metric > r.ClearThreshold =>
            $"condition cleared: {r.Households} households, below the minimum",
        AlertRule.Scale => $"condition cleared: {Percent(r.Metric)} at level II or above, at or below {Percent(r.ClearThreshold)}",
        AlertRule.SiteEmployment when r.Metric < r.ClearThreshold => "condition cleared: labour force below the minimum",
        AlertRule.SiteEmployment => $"condition cleared: {Percent(r.Metric)} employed, at or above {Percent(r.ClearThreshold)}",
        _ when AlertRule.IsWatch(r.Rule) => $"condition cleared: the watched figure is {Number(r.Metric)} in {r.Households} households, below {Number(r.ClearThreshold)} or under the minimum households",
        _ => "condition cleared: below level III or assisted",
    };

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
