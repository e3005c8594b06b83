using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using RiskMap.Server.Auth;

namespace RiskMap.Tests.Auth;

public sealed class HubSessionsTests
{
    [Fact]
    public void A_connection_opened_while_tokens_were_being_checked_stays_open_and_a_revoked_ones_closes()
    {
        var sessions = new HubSessions();
        var wall = new Connection("wall");
        var planner = new Connection("planner");
        sessions.Opened(wall, Caller(1));
        sessions.Opened(planner, Caller(2));
        var checkedIds = sessions.TokenIds();
        // signed in while the check ran: its token was not among those checked
        var late = new Connection("late");
        sessions.Opened(late, Caller(3));

        var closed = sessions.CloseRevoked(checkedIds, new HashSet<long> { 1 }); // token 2 was revoked meanwhile

        Assert.Equal(1, closed);
        Assert.Equal((false, true, false), (wall.Aborted, planner.Aborted, late.Aborted));
    }

    private static Caller Caller(long tokenId) =>
        new(tokenId, $"user-{tokenId}", $"user-{tokenId}", Role.Leader, AreaScope.Everywhere, tokenId, TokenKind.Session, DateTimeOffset.MaxValue);

    private sealed class Connection(string id) : HubCallerContext
    {
        public bool Aborted { get; private set; }
        public override string ConnectionId => id;
        public override string? UserIdentifier => null;
        public override ClaimsPrincipal? User => null;
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override CancellationToken ConnectionAborted => CancellationToken.None;
        public override void Abort() => Aborted = true;
    }
}
