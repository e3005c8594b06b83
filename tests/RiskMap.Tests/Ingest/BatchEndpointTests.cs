using System.Net;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Ingest;

public sealed class BatchEndpointTests
{
    private const long A1 = TestUnits.VillageA1;

    [Fact]
    public async Task A_JSON_batch_is_committed_before_the_answer_and_the_village_figures_follow()
    {
        await using var world = await IngestWorld.StartAsync();
        var (db, client) = (world.Db, world.Client);

        var response = await client.PostAsync("/api/households/batch",
            IngestClient.Batch(IngestClient.Item("H1", A1, 30000), IngestClient.Item("H2", A1, 30000), IngestClient.Item("H3", A1, 3000, "\"riskTypes\": [\"illness\"]")), "batch-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.JsonAsync();
        Assert.Equal(("batch-1", 3, 0), (answer.GetProperty("requestId").GetString(), answer.GetProperty("accepted").GetInt32(), answer.GetProperty("rejected").GetArrayLength()));
        Assert.Equal(3, await db.ScalarAsync<int>("SELECT households FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", A1));
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT level3 FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", A1));
        var h3 = await (await client.GetAsync("/api/households/H3")).JsonAsync();
        Assert.Equal(3, h3.GetProperty("level").GetInt32());
    }

    [Fact]
    public async Task A_bad_item_comes_back_with_its_index_field_and_reason_and_is_kept_while_the_good_ones_commit()
    {
        await using var world = await IngestWorld.StartAsync();
        var (db, client) = (world.Db, world.Client);

        var answer = await (await client.PostAsync("/api/households/batch", IngestClient.Batch(
            IngestClient.Item("H1", A1, 9000),
            IngestClient.Item("H2", A1, 9000, "\"rigidExpenditure\": -5"),
            IngestClient.Item("H3", A1, 9000)), "batch-2")).JsonAsync();

        Assert.Equal((2, 1), (answer.GetProperty("accepted").GetInt32(), answer.GetProperty("rejectedItems").GetInt32()));
        var reject = Assert.Single(answer.GetProperty("rejected").EnumerateArray());
        Assert.Equal((1, "rigidExpenditure"), (reject.GetProperty("index").GetInt32(), reject.GetProperty("field").GetString()));
        Assert.Equal("-5 is outside 0 to 10,000,000 yuan", reject.GetProperty("reason").GetString());
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM household"));
        Assert.Equal("rigidExpenditure", await db.ScalarAsync<string>("SELECT field FROM ingest_reject WHERE request_key = 'batch-2' AND item_index = 1"));
        Assert.Contains("\"H2\"", await db.ScalarAsync<string>("SELECT raw FROM ingest_reject WHERE request_key = 'batch-2'"));
    }

    [Fact]
    public async Task A_CSV_batch_is_checked_by_the_import_rules_and_rejects_name_the_line()
    {
        await using var world = await IngestWorld.StartAsync();
        var (db, client) = (world.Db, world.Client);
        const string csv = """
            户编号,村代码,经度,纬度,家庭人口,劳动力,人均纯收入,户主姓名
            H1,513431100001,102.65,28.05,4,2,9000,张三
            H2,513431100001,102.65,28.05,4,2,12x00,李四
            H3,513431100002,102.75,28.05,3,1,8000,王五
            """;

        var answer = await (await client.PostAsync("/api/households/batch", csv, "csv-1", "text/csv")).JsonAsync();

        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        var reject = Assert.Single(answer.GetProperty("rejected").EnumerateArray());
        Assert.Equal((3, "income_per_capita"), (reject.GetProperty("index").GetInt32(), reject.GetProperty("field").GetString()));
        Assert.Equal(["户主姓名"], answer.GetProperty("ignoredColumns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("H2,513431100001,102.65,28.05,4,2,12x00,李四", await db.ScalarAsync<string>("SELECT raw FROM ingest_reject WHERE request_key = 'csv-1'"));
    }

    [Fact]
    public async Task A_replayed_batch_changes_nothing_and_returns_the_first_answer()
    {
        await using var world = await IngestWorld.StartAsync();
        var (db, client) = (world.Db, world.Client);
        var first = IngestClient.Batch(IngestClient.Item("H1", A1, 9000), IngestClient.Item("H2", A1, 9000, "\"members\": 0"));
        var firstResponse = await client.PostAsync("/api/households/batch", first, "replay-1");
        var firstBody = await firstResponse.Content.ReadAsStringAsync();
        await client.PostAsync("/api/households/batch", IngestClient.Batch(IngestClient.Item("H1", A1, 3000)), "replay-2");
        var version = await db.ScalarAsync<long>("SELECT version FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", A1);

        var replay = await client.PostAsync("/api/households/batch", first, "replay-1");

        Assert.Equal(firstResponse.StatusCode, replay.StatusCode);
        Assert.Equal(firstBody, await replay.Content.ReadAsStringAsync());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(3000, await db.ScalarAsync<int>("SELECT income_per_capita FROM household WHERE household_id = 'H1'"));
        Assert.Equal(version, await db.ScalarAsync<long>("SELECT version FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", A1));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM ingest_reject"));
    }

    [Fact]
    public async Task Two_requests_sent_at_once_with_one_key_write_once_and_answer_alike()
    {
        await using var world = await IngestWorld.StartAsync();
        var batch = IngestClient.Batch(Enumerable.Range(0, 50).Select(i => IngestClient.Item($"H{i}", A1, 9000 + i)).ToArray());

        var responses = await Task.WhenAll(
            world.Client.PostAsync("/api/households/batch", batch, "at-once"),
            world.Client.PostAsync("/api/households/batch", batch, "at-once"));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(await responses[0].Content.ReadAsStringAsync(), await responses[1].Content.ReadAsStringAsync());
        Assert.Single(responses, r => r.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1L, await world.Db.ScalarAsync<long>("SELECT count(*) FROM ingest_request"));
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_422_and_writes_nothing()
    {
        await using var world = await IngestWorld.StartAsync();
        var (db, client) = (world.Db, world.Client);
        await client.PostAsync("/api/households/batch", IngestClient.Batch(IngestClient.Item("H1", A1, 9000)), "same-key");

        var other = await client.PostAsync("/api/households/batch", IngestClient.Batch(IngestClient.Item("H1", A1, 3000)), "same-key");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("Idempotency key reused", (await other.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal(9000, await db.ScalarAsync<int>("SELECT income_per_capita FROM household WHERE household_id = 'H1'"));
    }

    [Fact]
    public async Task A_batch_without_a_key_is_400_naming_the_header_and_a_requestId_in_the_body_serves_as_the_key()
    {
        await using var world = await IngestWorld.StartAsync();
        var (db, client) = (world.Db, world.Client);

        var keyless = await client.PostAsync("/api/households/batch", IngestClient.Batch(IngestClient.Item("H1", A1, 9000)), key: null);
        var inBody = await client.PostAsync("/api/households/batch", $$"""{"requestId": "body-key", "households": [{{IngestClient.Item("H1", A1, 9000)}}]}""", key: null);

        Assert.Equal(HttpStatusCode.BadRequest, keyless.StatusCode);
        var problem = await keyless.JsonAsync();
        Assert.Equal("Missing idempotency key", problem.GetProperty("title").GetString());
        Assert.Contains("Idempotency-Key", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, inBody.StatusCode);
        Assert.Equal("body-key", await db.ScalarAsync<string>("SELECT request_key FROM ingest_request"));
    }

    [Fact]
    public async Task A_batch_over_the_item_limit_is_413_and_writes_nothing()
    {
        await using var world = await IngestWorld.StartAsync(new Dictionary<string, string?> { ["Ingest:MaxBatchItems"] = "2" });
        var (db, client) = (world.Db, world.Client);

        var json = await client.PostAsync("/api/households/batch",
            IngestClient.Batch(IngestClient.Item("H1", A1, 9000), IngestClient.Item("H2", A1, 9000), IngestClient.Item("H3", A1, 9000)), "big-json");
        var csv = await client.PostAsync("/api/households/batch",
            "household_id,village_code,lon,lat,members,labour,income_per_capita\nH1,513431100001,102.65,28.05,4,2,9000\nH2,513431100001,102.65,28.05,4,2,9000\nH3,513431100001,102.65,28.05,4,2,9000\n", "big-csv", "text/csv");

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.RequestEntityTooLarge), (json.StatusCode, csv.StatusCode));
        Assert.Equal("Batch too large", (await json.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM household"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM ingest_request"));
    }

    [Fact]
    public async Task Invalid_JSON_is_400_naming_the_line_and_byte_and_a_wrong_media_type_is_415()
    {
        await using var world = await IngestWorld.StartAsync();
        var client = world.Client;

        var broken = await client.PostAsync("/api/households/batch", "{\"households\": [\n  {\"householdId\": \"H1\",}\n]}", "broken");
        var xml = await client.PostAsync("/api/households/batch", "<households/>", "xml", "application/xml");

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var problem = await broken.JsonAsync();
        Assert.Equal(("Invalid JSON", 2), (problem.GetProperty("title").GetString(), problem.GetProperty("line").GetInt32()));
        Assert.Contains("(line 2, byte", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);
    }
}
