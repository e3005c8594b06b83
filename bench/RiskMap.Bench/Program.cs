using RiskMap.Bench;

// Benchmarks run on demand: dotnet run -c Release --project bench/RiskMap.Bench -- <name> [options]
var name = args.FirstOrDefault() ?? "";
return name switch
{
    "statistics" => await StatisticsBench.RunAsync(args.Skip(1).ToArray()),
    "calibration" => await CalibrationReport.RunAsync(args.Skip(1).ToArray()),
    "load" => await LoadBench.RunAsync(args.Skip(1).ToArray()),
    "broadcast" => await BroadcastBench.RunAsync(args.Skip(1).ToArray()),
    "regions" => await RegionBench.RunAsync(args.Skip(1).ToArray()),
    "firstscreen" => await FirstScreenBench.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/RiskMap.Bench -- statistics [--households N] [--batch N] [--runs N]");
    Console.Error.WriteLine("       … -- load [--scale 0.685] [--root 513400000000] [--runs 3]");
    Console.Error.WriteLine("       … -- regions [--scale 0.4] [--runs 9] [--shapes 3]");
    Console.Error.WriteLine("       … -- calibration [scale]");
    Console.Error.WriteLine("       … -- firstscreen [--runs 5] [--port 8097]   (bench/viewer/run.sh: the viewer's first screen on the demo data)");
    Console.Error.WriteLine("       … -- broadcast [--port 8094] [--inline] [--buffer BYTES]   (the host bench/live/run.sh compares SignalR with raw WebSockets on)");
    return 2;
}
