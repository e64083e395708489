using MsmHelpdesk.Application.Features.Signers;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Signers;

public sealed class ClientSignerTests
{
    [Fact]
    public async Task ShouldKeepSignersAndCredentialsPerClientAndAuditEveryChange()
    {
        await using var app = await TestApp.StartAsync();
        var consultant = await Seed.ConsultantAsync(app);
        var clientId = await Seed.ClientAsync(app, consultant);

        var signer = (await app.SendAsync(consultant, new SaveClientSignerCommand { ClientId = clientId, Name = "Andi", Role = SignerRole.Consultant, StaffId = consultant.UserId, CoretaxRoles = "96" })).Value;
        var credential = (await app.SendAsync(consultant, new SaveSignerCredentialCommand { ClientId = clientId, SignerId = signer, ExpiresOn = new DateOnly(2027, 5, 1) })).Value;
        await app.SendAsync(consultant, new SaveClientSignerCommand { ClientId = clientId, Id = signer, Name = "Andi", Role = SignerRole.Consultant, StaffId = consultant.UserId, CoretaxRoles = "96, 225" });
        await app.SendAsync(consultant, new SetCoretaxAccountSignedInCommand { ClientId = clientId, SignedIn = true });
        var view = (await app.SendAsync(consultant, new GetClientSignersQuery { ClientId = clientId })).Value;

        Assert.True(view.CoretaxAccountSignedIn);
        var andi = Assert.Single(view.Signers);
        Assert.Equal(("96, 225", consultant.UserId), (andi.CoretaxRoles, andi.StaffId));
        Assert.Equal((credential, CredentialKind.KodeOtorisasi, "Kode Otorisasi DJP"), (Assert.Single(andi.Credentials).Id, andi.Credentials[0].Kind, andi.Credentials[0].Label));
        Assert.Equal(4, view.Changes.Count);
        Assert.Equal("company account signed in: unknown → yes", view.Changes[0].Description);
        Assert.All(view.Changes, change => Assert.Equal("Budi", change.ActorName));
    }

    [Fact]
    public async Task ShouldRefuseAProviderCertificateWithoutItsProviderOrAnExpiryBeforeItsIssue()
    {
        await using var app = await TestApp.StartAsync();
        var consultant = await Seed.ConsultantAsync(app);
        var clientId = await Seed.ClientAsync(app, consultant);
        var signer = (await app.SendAsync(consultant, new SaveClientSignerCommand { ClientId = clientId, Name = "Rina", Role = SignerRole.Pengurus })).Value;

        var noProvider = await app.SendAsync(consultant, new SaveSignerCredentialCommand
        {
            ClientId = clientId,
            SignerId = signer,
            Kind = CredentialKind.SertifikatPsre,
            IssuedOn = new DateOnly(2026, 1, 1),
            ExpiresOn = new DateOnly(2025, 1, 1),
        });
        var blankName = await app.SendAsync(consultant, new SaveClientSignerCommand { ClientId = clientId, Name = " " });

        Assert.Equal(["ExpiresOn", "Provider"], noProvider.Error!.FieldErrors.Keys.Order(StringComparer.Ordinal));
        Assert.True(blankName.Error!.FieldErrors.ContainsKey("Name"));
    }
}
