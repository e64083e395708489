using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Renewal;
using MsmHelpdesk.Application.Features.Signers;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Renewal;

public sealed class RenewalRouteTests
{
    [Theory]
    [InlineData(CredentialKind.SertifikatPsre, false, null, new[] { RenewalRoute.LicensedProvider })]
    [InlineData(CredentialKind.KodeOtorisasi, false, null, new[] { RenewalRoute.CoretaxSelfService })]
    [InlineData(CredentialKind.KodeOtorisasi, false, "account-data-mismatch", new[] { RenewalRoute.ContactCorrection, RenewalRoute.CoretaxSelfService })]
    [InlineData(null, true, "expired-certificate", new[] { RenewalRoute.KppVisit, RenewalRoute.CoretaxSelfService })]
    [InlineData(null, false, "network", new RenewalRoute[0])]
    public void ShouldOfferTheRoutesThatFitTheCredentialAndCause(CredentialKind? kind, bool legacy, string? cause, RenewalRoute[] expected) =>
        Assert.Equal(expected, RenewalRoutes.Fitting(kind, legacy, TaxSystem.Unknown, null, cause));

    [Fact]
    public async Task ShouldApplyTheProviderRouteToTheProactiveTicketOfAPsreCertificate()
    {
        await using var app = await TestApp.StartAsync();
        var consultant = await Seed.ConsultantAsync(app);
        var clientId = await Seed.ClientAsync(app, consultant);
        var signer = (await app.SendAsync(consultant, new SaveClientSignerCommand { ClientId = clientId, Name = "Rina", Role = MsmHelpdesk.Domain.Clients.SignerRole.PenanggungJawab })).Value;
        await app.SendAsync(consultant, new SaveSignerCredentialCommand
        {
            ClientId = clientId,
            SignerId = signer,
            Kind = CredentialKind.SertifikatPsre,
            Provider = "VIDA",
            ExpiresOn = MsmHelpdesk.Domain.Time.Wib.Today(TimeProvider.System).AddDays(20),
        });
        var operatorUser = new MsmHelpdesk.Application.Common.Security.UserIdentity("op", "Operator", MsmHelpdesk.Domain.Users.Roles.All.ToHashSet());
        await app.SendAsync(operatorUser, new MsmHelpdesk.Application.Features.Certificates.ScanCertificateExpiryCommand());
        var ticketId = await app.QueryDbAsync(db => db.Tickets.Select(t => t.Id).SingleAsync());

        var routes = (await app.SendAsync(consultant, new GetRenewalRoutesQuery { TicketId = ticketId })).Value;
        var applied = await app.SendAsync(consultant, new ApplyRenewalRouteCommand { TicketId = ticketId, Route = RenewalRoute.LicensedProvider });
        var after = (await app.SendAsync(consultant, new GetRenewalRoutesQuery { TicketId = ticketId })).Value;
        var steps = await app.QueryDbAsync(db => db.TicketSteps.Where(s => s.TicketId == ticketId).OrderBy(s => s.Order).Select(s => s.Title).ToListAsync());

        Assert.Equal([RenewalRoute.LicensedProvider], routes.Select(r => r.Route));
        Assert.True(applied.IsSuccess);
        Assert.True(Assert.Single(after).Applied);
        Assert.Equal(RenewalRoutes.Steps(RenewalRoute.LicensedProvider), steps);
    }
}
