using Integrationsoffensive.Bench;

// The load generator of tests/bench/press.sh. It prints figures as one JSON line per command.
//   apply    --url U --clients N --seconds S        valid, distinct applications, each client with its own cookies
//   distinct --url U --count N --clients C           N different list searches (distinct cache keys)
//   moderate --url U --links F --link L --email E --every S --seconds T --ready R   signs in as a moderator, writes R, approves one application per interval
//   rows     --db FILE                                counts the applications in the database
//   mail-sink --port P --count-file F --links L     an SMTP server that takes every mail, keeps the count in F and confirmation links in L
//   allocations --pid P --seconds S --top N          what the process P allocates in S seconds, by type and by method (sampled)
var options = Options.Parse(args.Skip(1));
return args.FirstOrDefault() switch
{
    "apply" => await ApplyLoad.RunAsync(options),
    "distinct" => await DistinctSearches.RunAsync(options),
    "moderate" => await Approvals.RunAsync(options),
    "rows" => Rows.Run(options),
    "mail-sink" => await MailSink.RunAsync(options),
    "allocations" => await Allocations.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Aufruf: bench apply|distinct|moderate|rows|mail-sink|allocations --url … (see Program.cs)");
    return 2;
}
