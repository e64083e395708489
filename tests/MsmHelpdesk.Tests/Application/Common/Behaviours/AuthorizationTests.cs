using Mediator;
using MsmHelpdesk.Application;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Account;
using MsmHelpdesk.Application.Features.Firm;
using MsmHelpdesk.Application.Features.Setup;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Common.Behaviours;

/// <summary>Every command and query is checked by the pipeline, whatever screen sends it.</summary>
public sealed class AuthorizationTests
{
    private static readonly Type[] AllMessages = typeof(AppText).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(type))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToArray();

    public static TheoryData<Type> Messages => new(AllMessages);

    public static TheoryData<Type> ProtectedMessages =>
        new(AllMessages.Where(type => MessageAccess.For(type).Rule != AccessRule.Anonymous));

    public static TheoryData<Type> RoleMessages =>
        new(AllMessages.Where(type => MessageAccess.For(type).Rule == AccessRule.Roles));

    [Fact]
    public void ShouldFindTheMessagesOfTheApplication() => Assert.True(AllMessages.Length >= 9, $"found {AllMessages.Length}");

    [Theory]
    [MemberData(nameof(Messages))]
    public void ShouldDeclareWhoMaySendEveryMessage(Type message) =>
        Assert.NotEqual(AccessRule.Undeclared, MessageAccess.For(message).Rule);

    [Fact]
    public void ShouldOpenOnlySignInSetupAndTheFirmsNameToAnonymousSenders()
    {
        // The firm's name is on the sign-in page, shown before anyone signs in; it is all that query returns.
        var anonymous = AllMessages.Where(type => MessageAccess.For(type).Rule == AccessRule.Anonymous).ToHashSet();
        Assert.Equal(new HashSet<Type> { typeof(SignInCommand), typeof(GetSetupStatusQuery), typeof(CreateFirstAdminCommand), typeof(GetFirmNameQuery) }, anonymous);
    }

    [Theory]
    [MemberData(nameof(ProtectedMessages))]
    public async Task ShouldRefuseAnonymousSender(Type message)
    {
        await using var app = await TestApp.StartAsync();

        var result = (Result)(await app.SendObjectAsync(UserIdentity.Anonymous, Activator.CreateInstance(message)!))!;

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Unauthorized, result.Error.Kind);
    }

    [Theory]
    [MemberData(nameof(RoleMessages))]
    public async Task ShouldRefuseSignedInSenderWithoutTheRequiredRole(Type message)
    {
        var otherRoles = Roles.All.Except(MessageAccess.For(message).Roles).ToArray();
        await using var app = await TestApp.StartAsync();

        var result = (Result)(await app.SendObjectAsync(TestCurrentUser.With("someone", otherRoles), Activator.CreateInstance(message)!))!;

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Forbidden, result.Error.Kind);
    }
}
