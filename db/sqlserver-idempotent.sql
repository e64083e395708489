IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [DisplayName] nvarchar(100) NOT NULL,
        [IsActive] bit NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [LastSignInAt] datetimeoffset NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(256) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    CREATE TABLE [SystemFlags] (
        [Key] nvarchar(64) NOT NULL,
        [SetAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_SystemFlags] PRIMARY KEY ([Key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(128) NOT NULL,
        [ProviderKey] nvarchar(128) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    CREATE TABLE [AspNetUserPasskeys] (
        [CredentialId] varbinary(1024) NOT NULL,
        [UserId] nvarchar(450) NOT NULL,
        [Data] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_AspNetUserPasskeys] PRIMARY KEY ([CredentialId]),
        CONSTRAINT [FK_AspNetUserPasskeys_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(128) NOT NULL,
        [Name] nvarchar(128) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'ConcurrencyStamp', N'Name', N'NormalizedName') AND [object_id] = OBJECT_ID(N'[AspNetRoles]'))
        SET IDENTITY_INSERT [AspNetRoles] ON;
    EXEC(N'INSERT INTO [AspNetRoles] ([Id], [ConcurrencyStamp], [Name], [NormalizedName])
    VALUES (N''role-admin'', N''seed-admin'', N''Admin'', N''ADMIN''),
    (N''role-consultant'', N''seed-consultant'', N''Consultant'', N''CONSULTANT''),
    (N''role-manager'', N''seed-manager'', N''Manager'', N''MANAGER'')');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'ConcurrencyStamp', N'Name', N'NormalizedName') AND [object_id] = OBJECT_ID(N'[AspNetRoles]'))
        SET IDENTITY_INSERT [AspNetRoles] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    CREATE INDEX [IX_AspNetUserPasskeys_UserId] ON [AspNetUserPasskeys] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_IsActive] ON [AspNetUsers] ([IsActive]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126015119_Foundation'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126015119_Foundation', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE TABLE [ApiKeys] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Role] nvarchar(20) NOT NULL,
        [Prefix] varchar(16) NOT NULL,
        [Hash] varchar(64) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(450) NOT NULL,
        [RevokedAt] datetimeoffset NULL,
        [LastUsedAt] datetimeoffset NULL,
        CONSTRAINT [PK_ApiKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE TABLE [Clients] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Npwp] varchar(16) NOT NULL,
        [Nitku] varchar(22) NULL,
        [Kpp] nvarchar(100) NULL,
        [PkpSince] date NULL,
        [Channel] nvarchar(20) NOT NULL,
        [CertificateIssuedOn] date NULL,
        [CertificateExpiresOnEntered] date NULL,
        [CoretaxExpiresOn] date NULL,
        [PassphraseCustodian] nvarchar(100) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Clients] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE TABLE [Contacts] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Phone] varchar(32) NULL,
        [Email] nvarchar(256) NULL,
        CONSTRAINT [PK_Contacts] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE TABLE [TicketSequences] (
        [Year] int NOT NULL,
        [LastValue] int NOT NULL,
        CONSTRAINT [PK_TicketSequences] PRIMARY KEY ([Year])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE TABLE [ClientOfficers] (
        [Id] bigint NOT NULL IDENTITY,
        [Name] nvarchar(100) NOT NULL,
        [Position] nvarchar(100) NULL,
        [ClientId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ClientOfficers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ClientOfficers_Clients_ClientId] FOREIGN KEY ([ClientId]) REFERENCES [Clients] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE TABLE [ClientContacts] (
        [ClientsId] uniqueidentifier NOT NULL,
        [ContactsId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ClientContacts] PRIMARY KEY ([ClientsId], [ContactsId]),
        CONSTRAINT [FK_ClientContacts_Clients_ClientsId] FOREIGN KEY ([ClientsId]) REFERENCES [Clients] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ClientContacts_Contacts_ContactsId] FOREIGN KEY ([ContactsId]) REFERENCES [Contacts] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE TABLE [Tickets] (
        [Id] uniqueidentifier NOT NULL,
        [Number] varchar(20) NOT NULL,
        [ClientId] uniqueidentifier NOT NULL,
        [ContactId] uniqueidentifier NULL,
        [Channel] nvarchar(20) NOT NULL,
        [ErrorText] nvarchar(2000) NOT NULL,
        [ErrorCode] varchar(32) NULL,
        [Activity] nvarchar(500) NULL,
        [SystemVersion] nvarchar(100) NULL,
        [Description] nvarchar(4000) NULL,
        [Priority] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [AssigneeId] nvarchar(450) NULL,
        [ReportedAt] datetimeoffset NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedById] nvarchar(450) NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [ResolutionSummary] nvarchar(4000) NULL,
        [ResolvedAt] datetimeoffset NULL,
        [ClosedAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Tickets] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Tickets_AspNetUsers_AssigneeId] FOREIGN KEY ([AssigneeId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Tickets_Clients_ClientId] FOREIGN KEY ([ClientId]) REFERENCES [Clients] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Tickets_Contacts_ContactId] FOREIGN KEY ([ContactId]) REFERENCES [Contacts] ([Id]) ON DELETE SET NULL
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE TABLE [Attachments] (
        [Id] uniqueidentifier NOT NULL,
        [TicketId] uniqueidentifier NOT NULL,
        [FileName] nvarchar(255) NOT NULL,
        [ContentType] varchar(100) NOT NULL,
        [Size] bigint NOT NULL,
        [StorageKey] varchar(200) NOT NULL,
        [Sha256] varchar(64) NOT NULL,
        [UploadedAt] datetimeoffset NOT NULL,
        [UploadedById] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_Attachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Attachments_Tickets_TicketId] FOREIGN KEY ([TicketId]) REFERENCES [Tickets] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE TABLE [TimelineEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [TicketId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [At] datetimeoffset NOT NULL,
        [ActorId] nvarchar(450) NOT NULL,
        [ActorName] nvarchar(150) NOT NULL,
        [Text] nvarchar(4000) NULL,
        [Field] nvarchar(50) NULL,
        [OldValue] nvarchar(4000) NULL,
        [NewValue] nvarchar(4000) NULL,
        CONSTRAINT [PK_TimelineEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TimelineEntries_Tickets_TicketId] FOREIGN KEY ([TicketId]) REFERENCES [Tickets] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApiKeys_Prefix] ON [ApiKeys] ([Prefix]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE INDEX [IX_Attachments_TicketId] ON [Attachments] ([TicketId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE INDEX [IX_ClientContacts_ContactsId] ON [ClientContacts] ([ContactsId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE INDEX [IX_ClientOfficers_ClientId] ON [ClientOfficers] ([ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE INDEX [IX_Clients_CertificateExpiresOnEntered] ON [Clients] ([CertificateExpiresOnEntered]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE INDEX [IX_Clients_CertificateIssuedOn] ON [Clients] ([CertificateIssuedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE INDEX [IX_Clients_CoretaxExpiresOn] ON [Clients] ([CoretaxExpiresOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE INDEX [IX_Clients_Name] ON [Clients] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Clients_Npwp] ON [Clients] ([Npwp]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE INDEX [IX_Contacts_Email] ON [Contacts] ([Email]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE INDEX [IX_Contacts_Phone] ON [Contacts] ([Phone]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE INDEX [IX_Tickets_AssigneeId_Status_ReportedAt] ON [Tickets] ([AssigneeId], [Status], [ReportedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE INDEX [IX_Tickets_ClientId_ReportedAt] ON [Tickets] ([ClientId], [ReportedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE INDEX [IX_Tickets_ContactId] ON [Tickets] ([ContactId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE INDEX [IX_Tickets_ErrorCode_ReportedAt] ON [Tickets] ([ErrorCode], [ReportedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Tickets_Number] ON [Tickets] ([Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE INDEX [IX_Tickets_ReportedAt] ON [Tickets] ([ReportedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE INDEX [IX_Tickets_Status_ReportedAt] ON [Tickets] ([Status], [ReportedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    CREATE INDEX [IX_TimelineEntries_TicketId_Id] ON [TimelineEntries] ([TicketId], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126021009_ClientsAndTickets'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126021009_ClientsAndTickets', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126024445_CertificateCheck'
)
BEGIN
    ALTER TABLE [Clients] ADD [CertificateCheckNotAfter] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126024445_CertificateCheck'
)
BEGIN
    ALTER TABLE [Clients] ADD [CertificateCheckNotBefore] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126024445_CertificateCheck'
)
BEGIN
    ALTER TABLE [Clients] ADD [CertificateCheckOutcome] nvarchar(20) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126024445_CertificateCheck'
)
BEGIN
    ALTER TABLE [Clients] ADD [CertificateCheckSubjectNpwp] varchar(16) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126024445_CertificateCheck'
)
BEGIN
    ALTER TABLE [Clients] ADD [CertificateCheckedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126024445_CertificateCheck'
)
BEGIN
    ALTER TABLE [Clients] ADD [CertificateCheckedById] nvarchar(450) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126024445_CertificateCheck'
)
BEGIN
    ALTER TABLE [Clients] ADD [CertificateCheckedByName] nvarchar(150) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126024445_CertificateCheck'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126024445_CertificateCheck', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ConfirmedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ConfirmedById] nvarchar(450) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ConfirmedCause] varchar(30) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ConfirmedCauseConfidence] float NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ConfirmedEvidence] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ConfirmedScenario] varchar(20) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ConfirmedScenarioConfidence] float NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ConfirmedVersion] varchar(50) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SuggestedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SuggestedCause] varchar(30) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SuggestedCauseConfidence] float NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SuggestedEvidence] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SuggestedScenario] varchar(20) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SuggestedScenarioConfidence] float NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SuggestedVersion] varchar(50) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [Ticket_ConfirmedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    CREATE TABLE [CatalogueVersions] (
        [Version] int NOT NULL,
        [Content] nvarchar(max) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedById] nvarchar(450) NOT NULL,
        [CreatedByName] nvarchar(150) NOT NULL,
        [Note] nvarchar(4000) NULL,
        CONSTRAINT [PK_CatalogueVersions] PRIMARY KEY ([Version])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    CREATE TABLE [LearnedModels] (
        [Version] int NOT NULL,
        [Content] nvarchar(max) NOT NULL,
        [TrainedAt] datetimeoffset NOT NULL,
        [ExampleCount] int NOT NULL,
        CONSTRAINT [PK_LearnedModels] PRIMARY KEY ([Version])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    CREATE INDEX [IX_Tickets_Ticket_ConfirmedAt] ON [Tickets] ([Ticket_ConfirmedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126025516_Diagnosis'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126025516_Diagnosis', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ClosedForNoReplyAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [DiagnosedCause] varchar(30) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [DiagnosedScenario] varchar(20) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [DiagnosisSeconds] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ResolutionSeconds] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SlaFirstRespondedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SlaFirstResponseAtRiskAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SlaFirstResponseDueAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SlaFirstResponseMet] bit NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SlaFirstResponseTargetMinutes] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SlaFirstResponseUsedSeconds] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SlaResolutionAtRiskAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SlaResolutionDueAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SlaResolutionMet] bit NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SlaResolutionPausedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SlaResolutionTargetMinutes] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SlaResolutionUsedSeconds] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SlaResolvedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE TABLE [CertificateReminders] (
        [Id] bigint NOT NULL IDENTITY,
        [ClientId] uniqueidentifier NOT NULL,
        [Credential] nvarchar(10) NOT NULL,
        [ExpiresOn] date NOT NULL,
        [ThresholdDays] int NOT NULL,
        [TicketId] uniqueidentifier NOT NULL,
        [Acted] bit NOT NULL,
        [HandledAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CertificateReminders] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CertificateReminders_Clients_ClientId] FOREIGN KEY ([ClientId]) REFERENCES [Clients] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_CertificateReminders_Tickets_TicketId] FOREIGN KEY ([TicketId]) REFERENCES [Tickets] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE TABLE [Holidays] (
        [Id] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [Name] nvarchar(150) NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [UpdatedByName] nvarchar(150) NOT NULL,
        CONSTRAINT [PK_Holidays] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE TABLE [KppVisits] (
        [Id] uniqueidentifier NOT NULL,
        [TicketId] uniqueidentifier NOT NULL,
        [ClientId] uniqueidentifier NOT NULL,
        [Kpp] nvarchar(100) NOT NULL,
        [At] datetimeoffset NOT NULL,
        [OfficerName] nvarchar(100) NOT NULL,
        [AssigneeId] nvarchar(450) NULL,
        [Documents] int NOT NULL,
        [Notes] nvarchar(2000) NULL,
        [Outcome] nvarchar(20) NOT NULL,
        [OutcomeReason] nvarchar(1000) NULL,
        [CertificateIssuedOn] date NULL,
        [RescheduledFromId] uniqueidentifier NULL,
        [RemindedFor] date NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_KppVisits] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_KppVisits_AspNetUsers_AssigneeId] FOREIGN KEY ([AssigneeId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_KppVisits_Clients_ClientId] FOREIGN KEY ([ClientId]) REFERENCES [Clients] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_KppVisits_KppVisits_RescheduledFromId] FOREIGN KEY ([RescheduledFromId]) REFERENCES [KppVisits] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_KppVisits_Tickets_TicketId] FOREIGN KEY ([TicketId]) REFERENCES [Tickets] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE TABLE [Notifications] (
        [Id] bigint NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [Kind] varchar(50) NOT NULL,
        [Key] nvarchar(200) NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Body] nvarchar(2000) NOT NULL,
        [Link] nvarchar(300) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ReadAt] datetimeoffset NULL,
        [MailState] nvarchar(10) NOT NULL,
        [MailAttempts] int NOT NULL,
        [MailNextAttemptAt] datetimeoffset NULL,
        [MailSentAt] datetimeoffset NULL,
        [MailLastError] nvarchar(1000) NULL,
        CONSTRAINT [PK_Notifications] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Notifications_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE TABLE [SlaEscalations] (
        [Id] bigint NOT NULL IDENTITY,
        [TicketId] uniqueidentifier NOT NULL,
        [Clock] nvarchar(20) NOT NULL,
        [State] nvarchar(20) NOT NULL,
        [At] datetimeoffset NOT NULL,
        [Recipients] int NOT NULL,
        CONSTRAINT [PK_SlaEscalations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SlaEscalations_Tickets_TicketId] FOREIGN KEY ([TicketId]) REFERENCES [Tickets] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE TABLE [SlaPolicies] (
        [Priority] int NOT NULL,
        [FirstResponseMinutes] int NOT NULL,
        [ResolutionMinutes] int NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [UpdatedById] nvarchar(450) NOT NULL,
        [UpdatedByName] nvarchar(150) NOT NULL,
        CONSTRAINT [PK_SlaPolicies] PRIMARY KEY ([Priority])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE TABLE [SlaSettingsChanges] (
        [Id] bigint NOT NULL IDENTITY,
        [At] datetimeoffset NOT NULL,
        [ActorId] nvarchar(450) NOT NULL,
        [ActorName] nvarchar(150) NOT NULL,
        [Description] nvarchar(4000) NOT NULL,
        CONSTRAINT [PK_SlaSettingsChanges] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE TABLE [TicketSteps] (
        [Id] uniqueidentifier NOT NULL,
        [TicketId] uniqueidentifier NOT NULL,
        [Title] nvarchar(500) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [IsRequired] bit NOT NULL,
        [Cause] varchar(30) NULL,
        [AssigneeId] nvarchar(450) NULL,
        [DueOn] date NULL,
        [Notes] nvarchar(2000) NULL,
        [SkipReason] nvarchar(1000) NULL,
        [DoneById] nvarchar(450) NULL,
        [DoneByName] nvarchar(150) NULL,
        [DoneAt] datetimeoffset NULL,
        [Order] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_TicketSteps] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TicketSteps_AspNetUsers_AssigneeId] FOREIGN KEY ([AssigneeId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_TicketSteps_Tickets_TicketId] FOREIGN KEY ([TicketId]) REFERENCES [Tickets] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE TABLE [WorkingHours] (
        [Id] int NOT NULL,
        [Opens] time NOT NULL,
        [Closes] time NOT NULL,
        [WorkingDaysMask] int NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [UpdatedByName] nvarchar(150) NOT NULL,
        CONSTRAINT [PK_WorkingHours] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_Tickets_AssigneeResolution] ON [Tickets] ([AssigneeId], [ResolutionSeconds], [ResolvedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_Tickets_CauseDiagnosis] ON [Tickets] ([DiagnosedCause], [DiagnosisSeconds], [ReportedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_Tickets_CauseResolution] ON [Tickets] ([DiagnosedCause], [ResolutionSeconds], [ReportedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_Tickets_Report] ON [Tickets] ([ReportedAt], [Status], [ErrorCode], [Channel], [ClientId], [AssigneeId], [DiagnosedScenario], [DiagnosedCause], [ResolutionSeconds], [DiagnosisSeconds]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_Tickets_Resolved] ON [Tickets] ([ResolvedAt], [AssigneeId], [ResolutionSeconds]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_Tickets_SlaFirstRespondedAt_SlaFirstResponseMet] ON [Tickets] ([SlaFirstRespondedAt], [SlaFirstResponseMet]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_Tickets_SlaResolvedAt_SlaResolutionMet] ON [Tickets] ([SlaResolvedAt], [SlaResolutionMet]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_Tickets_Status_SlaFirstResponseDueAt] ON [Tickets] ([Status], [SlaFirstResponseDueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_Tickets_Status_SlaResolutionDueAt] ON [Tickets] ([Status], [SlaResolutionDueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CertificateReminders_ClientId_Credential_ExpiresOn_ThresholdDays] ON [CertificateReminders] ([ClientId], [Credential], [ExpiresOn], [ThresholdDays]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_CertificateReminders_TicketId] ON [CertificateReminders] ([TicketId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Holidays_Date] ON [Holidays] ([Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_KppVisits_AssigneeId_Outcome_At] ON [KppVisits] ([AssigneeId], [Outcome], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_KppVisits_At_Outcome] ON [KppVisits] ([At], [Outcome]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_KppVisits_ClientId] ON [KppVisits] ([ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_KppVisits_Outcome_At] ON [KppVisits] ([Outcome], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_KppVisits_RescheduledFromId] ON [KppVisits] ([RescheduledFromId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_KppVisits_TicketId_At] ON [KppVisits] ([TicketId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_Notifications_MailState_MailNextAttemptAt] ON [Notifications] ([MailState], [MailNextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_Notifications_UserId_CreatedAt] ON [Notifications] ([UserId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Notifications_UserId_Key] ON [Notifications] ([UserId], [Key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_Notifications_UserId_ReadAt] ON [Notifications] ([UserId], [ReadAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SlaEscalations_TicketId_Clock_State] ON [SlaEscalations] ([TicketId], [Clock], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_SlaSettingsChanges_At] ON [SlaSettingsChanges] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_TicketSteps_AssigneeId] ON [TicketSteps] ([AssigneeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    CREATE INDEX [IX_TicketSteps_TicketId_Order] ON [TicketSteps] ([TicketId], [Order]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    UPDATE [Tickets] SET [DiagnosedScenario] = COALESCE([ConfirmedScenario], [SuggestedScenario]), [DiagnosedCause] = COALESCE([ConfirmedCause], [SuggestedCause]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    UPDATE [Tickets] SET [ResolutionSeconds] = DATEDIFF_BIG(millisecond, [CreatedAt], [ResolvedAt]) / 1000 WHERE [ResolvedAt] IS NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    UPDATE [Tickets] SET [DiagnosisSeconds] = DATEDIFF_BIG(millisecond, [CreatedAt], [ConfirmedAt]) / 1000 WHERE [ConfirmedAt] IS NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126055925_ResolutionWorkSlaNotificationsReports'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126055925_ResolutionWorkSlaNotificationsReports', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    DELETE FROM [SystemFlags] WHERE [Key] LIKE N'report-tallies-built%';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    DROP INDEX [IX_Tickets_CauseDiagnosis] ON [Tickets];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    DROP INDEX [IX_Tickets_CauseResolution] ON [Tickets];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    DROP INDEX [IX_Tickets_ClientId_ReportedAt] ON [Tickets];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    DROP INDEX [IX_Tickets_ErrorCode_ReportedAt] ON [Tickets];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    DROP INDEX [IX_Tickets_Resolved] ON [Tickets];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    DROP INDEX [IX_Tickets_SlaFirstRespondedAt_SlaFirstResponseMet] ON [Tickets];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    DROP INDEX [IX_Tickets_SlaResolvedAt_SlaResolutionMet] ON [Tickets];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    DROP INDEX [IX_Tickets_Status_ReportedAt] ON [Tickets];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    DROP INDEX [IX_Tickets_Status_SlaFirstResponseDueAt] ON [Tickets];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    DROP INDEX [IX_Tickets_Status_SlaResolutionDueAt] ON [Tickets];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    CREATE TABLE [ReportTallies] (
        [Id] bigint NOT NULL IDENTITY,
        [Kind] varchar(16) NOT NULL,
        [Month] int NOT NULL,
        [ErrorCode] varchar(32) NULL,
        [Channel] nvarchar(20) NULL,
        [AssigneeId] nvarchar(450) NULL,
        [Key] varchar(64) NULL,
        [Key2] varchar(64) NULL,
        [Number] bigint NOT NULL,
        [Tickets] int NOT NULL,
        [Open] int NOT NULL,
        [Confirmed] int NOT NULL,
        CONSTRAINT [PK_ReportTallies] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    CREATE INDEX [IX_Tickets_AssigneeReport] ON [Tickets] ([AssigneeId], [ReportedAt], [Status], [ErrorCode], [Channel], [ClientId], [DiagnosedScenario], [DiagnosedCause], [ResolutionSeconds], [DiagnosisSeconds]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    CREATE INDEX [IX_Tickets_CauseDiagnosis] ON [Tickets] ([DiagnosedCause], [DiagnosisSeconds], [ReportedAt], [ErrorCode], [Channel], [AssigneeId], [ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    CREATE INDEX [IX_Tickets_CauseResolution] ON [Tickets] ([DiagnosedCause], [ResolutionSeconds], [ReportedAt], [ErrorCode], [Channel], [AssigneeId], [ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    CREATE INDEX [IX_Tickets_ClientId_ReportedAt] ON [Tickets] ([ClientId], [ReportedAt], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    CREATE INDEX [IX_Tickets_ErrorCode_ReportedAt] ON [Tickets] ([ErrorCode], [ReportedAt], [Status], [Channel], [ClientId], [AssigneeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    CREATE INDEX [IX_Tickets_Resolved] ON [Tickets] ([ResolvedAt], [AssigneeId], [ResolutionSeconds], [ErrorCode], [Channel], [ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    CREATE INDEX [IX_Tickets_SlaFirstResponded] ON [Tickets] ([SlaFirstRespondedAt], [SlaFirstResponseMet], [AssigneeId], [ErrorCode], [Channel], [ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    CREATE INDEX [IX_Tickets_SlaFirstResponseDue] ON [Tickets] ([Status], [SlaFirstResponseDueAt], [SlaFirstRespondedAt], [AssigneeId], [ErrorCode], [Channel], [ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    CREATE INDEX [IX_Tickets_SlaResolutionDue] ON [Tickets] ([Status], [SlaResolutionDueAt], [AssigneeId], [ErrorCode], [Channel], [ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    CREATE INDEX [IX_Tickets_SlaResolved] ON [Tickets] ([SlaResolvedAt], [SlaResolutionMet], [AssigneeId], [ErrorCode], [Channel], [ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    CREATE INDEX [IX_Tickets_Status_ReportedAt] ON [Tickets] ([Status], [ReportedAt], [AssigneeId], [ErrorCode], [Channel], [ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    CREATE INDEX [IX_ReportTallies_Sums] ON [ReportTallies] ([Kind], [Month], [ErrorCode], [Channel], [AssigneeId], [Key], [Key2], [Number], [Tickets], [Open], [Confirmed]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126075417_ReportTotals'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126075417_ReportTotals', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206051457_Features'
)
BEGIN
    ALTER TABLE [Tickets] ADD [IncidentId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206051457_Features'
)
BEGIN
    ALTER TABLE [Tickets] ADD [MergedIntoId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206051457_Features'
)
BEGIN
    CREATE TABLE [Incidents] (
        [Id] uniqueidentifier NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [ErrorCode] varchar(32) NULL,
        [StartedAt] datetimeoffset NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Description] nvarchar(4000) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedById] nvarchar(450) NOT NULL,
        [CreatedByName] nvarchar(150) NOT NULL,
        [ResolvedAt] datetimeoffset NULL,
        [ResolutionSummary] nvarchar(4000) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Incidents] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206051457_Features'
)
BEGIN
    CREATE TABLE [SavedViews] (
        [Id] uniqueidentifier NOT NULL,
        [OwnerId] nvarchar(450) NOT NULL,
        [Name] nvarchar(80) NOT NULL,
        [Filters] nvarchar(4000) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_SavedViews] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SavedViews_AspNetUsers_OwnerId] FOREIGN KEY ([OwnerId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206051457_Features'
)
BEGIN
    CREATE INDEX [IX_Tickets_IncidentId_Status] ON [Tickets] ([IncidentId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206051457_Features'
)
BEGIN
    CREATE INDEX [IX_Tickets_MergedIntoId] ON [Tickets] ([MergedIntoId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206051457_Features'
)
BEGIN
    CREATE INDEX [IX_Incidents_Status_ErrorCode] ON [Incidents] ([Status], [ErrorCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206051457_Features'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SavedViews_OwnerId_Name] ON [SavedViews] ([OwnerId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206051457_Features'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206051457_Features', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206062418_HardeningInput'
)
BEGIN
    CREATE TABLE [IdempotentRequests] (
        [Scope] varchar(200) NOT NULL,
        [Key] varchar(100) NOT NULL,
        [RequestHash] varchar(64) NOT NULL,
        [ResourceId] uniqueidentifier NOT NULL,
        [ResourceNumber] nvarchar(32) NOT NULL,
        [StatusCode] int NULL,
        [ResponseBody] nvarchar(max) NULL,
        [Location] nvarchar(300) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ExpiresAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_IdempotentRequests] PRIMARY KEY ([Scope], [Key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206062418_HardeningInput'
)
BEGIN
    CREATE INDEX [IX_IdempotentRequests_ExpiresAt] ON [IdempotentRequests] ([ExpiresAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206062418_HardeningInput'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206062418_HardeningInput', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063645_Coretax'
)
BEGIN
    DROP INDEX [IX_CertificateReminders_ClientId_Credential_ExpiresOn_ThresholdDays] ON [CertificateReminders];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063645_Coretax'
)
BEGIN
    ALTER TABLE [Clients] ADD [CoretaxAccountSignedIn] bit NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063645_Coretax'
)
BEGIN
    ALTER TABLE [CertificateReminders] ADD [SignerCredentialId] uniqueidentifier NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063645_Coretax'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [At] datetimeoffset NOT NULL,
        [ActorId] nvarchar(450) NOT NULL,
        [ActorName] nvarchar(150) NOT NULL,
        [Area] varchar(30) NOT NULL,
        [SubjectId] uniqueidentifier NULL,
        [Description] nvarchar(1000) NOT NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063645_Coretax'
)
BEGIN
    CREATE TABLE [ClientSigners] (
        [Id] uniqueidentifier NOT NULL,
        [ClientId] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Role] nvarchar(20) NOT NULL,
        [StaffId] nvarchar(450) NULL,
        [CoretaxRoles] nvarchar(200) NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ClientSigners] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ClientSigners_Clients_ClientId] FOREIGN KEY ([ClientId]) REFERENCES [Clients] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063645_Coretax'
)
BEGIN
    CREATE TABLE [TaxDeadlines] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(120) NOT NULL,
        [Filing] nvarchar(20) NOT NULL,
        [Month] int NULL,
        [Day] int NOT NULL,
        [Source] nvarchar(300) NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [UpdatedByName] nvarchar(150) NOT NULL,
        CONSTRAINT [PK_TaxDeadlines] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063645_Coretax'
)
BEGIN
    CREATE TABLE [SignerCredentials] (
        [Id] uniqueidentifier NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Provider] nvarchar(60) NULL,
        [IssuedOn] date NULL,
        [ExpiresOn] date NOT NULL,
        [SignerId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_SignerCredentials] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SignerCredentials_ClientSigners_SignerId] FOREIGN KEY ([SignerId]) REFERENCES [ClientSigners] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063645_Coretax'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'Day', N'Filing', N'Month', N'Name', N'Source', N'UpdatedAt', N'UpdatedByName') AND [object_id] = OBJECT_ID(N'[TaxDeadlines]'))
        SET IDENTITY_INSERT [TaxDeadlines] ON;
    EXEC(N'INSERT INTO [TaxDeadlines] ([Id], [Day], [Filing], [Month], [Name], [Source], [UpdatedAt], [UpdatedByName])
    VALUES (''00000000-0000-0000-0000-000000001400'', 15, N''Payment'', NULL, N''Setor PPh dan PPN KMS/jasa luar negeri (tanggal 15)'', N''PMK 81/2024 Pasal 94 dan 100 — https://news.ddtc.co.id/berita/nasional/1812070/wp-tak-perlu-bingung-jatuh-tempo-bayar-pajak-kini-sudah-diseragamkan'', ''2026-01-01T00:00:00.0000000+00:00'', N''DOMAIN-2026''),
    (''00000000-0000-0000-0000-000000001401'', 20, N''InvoiceUpload'', NULL, N''Upload dan approval e-Faktur (tanggal 20)'', N''PER-11/PJ/2025 Pasal 44 (perlu dicek di teks PER) — https://mrbfinance.com/batas-waktu-upload-e-faktur-coretax-sesuai-per-11-pj-2025/'', ''2026-01-01T00:00:00.0000000+00:00'', N''DOMAIN-2026''),
    (''00000000-0000-0000-0000-000000001402'', 31, N''SptMasaPpn'', NULL, N''Setor PPN dan lapor SPT Masa PPN (akhir bulan)'', N''Belum terkonfirmasi sumber; validasi dengan MSM'', ''2026-01-01T00:00:00.0000000+00:00'', N''DOMAIN-2026''),
    (''00000000-0000-0000-0000-000000001403'', 31, N''SptTahunan'', 3, N''SPT Tahunan orang pribadi (31 Maret)'', N''Lewat Coretax sejak tahun pajak 2025 — https://news.ddtc.co.id/berita/nasional/1816265/buat-passphrase-kode-otorisasi-tapi-formatnya-tidak-valid-harus-apa'', ''2026-01-01T00:00:00.0000000+00:00'', N''DOMAIN-2026''),
    (''00000000-0000-0000-0000-000000001404'', 30, N''SptTahunan'', 4, N''SPT Tahunan badan (30 April)'', N''Lewat Coretax sejak tahun pajak 2025 — https://news.ddtc.co.id/berita/nasional/1816265/buat-passphrase-kode-otorisasi-tapi-formatnya-tidak-valid-harus-apa'', ''2026-01-01T00:00:00.0000000+00:00'', N''DOMAIN-2026'')');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'Day', N'Filing', N'Month', N'Name', N'Source', N'UpdatedAt', N'UpdatedByName') AND [object_id] = OBJECT_ID(N'[TaxDeadlines]'))
        SET IDENTITY_INSERT [TaxDeadlines] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063645_Coretax'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CertificateReminders_ClientId_Credential_SignerCredentialId_ExpiresOn_ThresholdDays] ON [CertificateReminders] ([ClientId], [Credential], [SignerCredentialId], [ExpiresOn], [ThresholdDays]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063645_Coretax'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_Area_SubjectId_At] ON [AuditEntries] ([Area], [SubjectId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063645_Coretax'
)
BEGIN
    CREATE INDEX [IX_ClientSigners_ClientId] ON [ClientSigners] ([ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063645_Coretax'
)
BEGIN
    CREATE INDEX [IX_SignerCredentials_ExpiresOn] ON [SignerCredentials] ([ExpiresOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063645_Coretax'
)
BEGIN
    CREATE INDEX [IX_SignerCredentials_SignerId] ON [SignerCredentials] ([SignerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063645_Coretax'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206063645_Coretax', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063826_Workspace'
)
BEGIN
    ALTER TABLE [TicketSteps] ADD [CompletedByFact] varchar(30) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063826_Workspace'
)
BEGIN
    ALTER TABLE [TicketSteps] ADD [DoneByFact] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063826_Workspace'
)
BEGIN
    CREATE TABLE [CannedReplies] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Channel] varchar(20) NOT NULL,
        [TextIndonesian] nvarchar(2000) NOT NULL,
        [TextEnglish] nvarchar(2000) NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [UpdatedByName] nvarchar(150) NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_CannedReplies] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063826_Workspace'
)
BEGIN
    CREATE TABLE [CannedReplyChanges] (
        [Id] bigint NOT NULL IDENTITY,
        [At] datetimeoffset NOT NULL,
        [ActorId] nvarchar(450) NOT NULL,
        [ActorName] nvarchar(150) NOT NULL,
        [Description] nvarchar(4000) NOT NULL,
        CONSTRAINT [PK_CannedReplyChanges] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063826_Workspace'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CannedReplies_Channel_Name] ON [CannedReplies] ([Channel], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063826_Workspace'
)
BEGIN
    CREATE INDEX [IX_CannedReplyChanges_At] ON [CannedReplyChanges] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206063826_Workspace'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206063826_Workspace', N'10.0.15');
END;

COMMIT;
GO

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206081344_Scaler'
)
BEGIN
    IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = N'HelpdeskSearch')
            EXEC(N'CREATE FULLTEXT CATALOG [HelpdeskSearch]');
        IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID(N'[Tickets]'))
            EXEC(N'CREATE FULLTEXT INDEX ON [Tickets] ([Number] LANGUAGE 0, [ErrorText] LANGUAGE 0, [Description] LANGUAGE 0) KEY INDEX [PK_Tickets] ON [HelpdeskSearch] WITH CHANGE_TRACKING = AUTO, STOPLIST = OFF');
    END
END;
GO

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206081344_Scaler'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206081344_Scaler', N'10.0.15');
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206092810_Ws15a'
)
BEGIN
    CREATE TABLE [FirmProfiles] (
        [Id] int NOT NULL,
        [Name] nvarchar(120) NOT NULL,
        [ShortName] nvarchar(12) NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [UpdatedByName] nvarchar(150) NOT NULL,
        CONSTRAINT [PK_FirmProfiles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206092810_Ws15a'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206092810_Ws15a', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206110324_Rep1m'
)
BEGIN
    DROP INDEX [IX_ReportTallies_Sums] ON [ReportTallies];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206110324_Rep1m'
)
BEGIN
    ALTER TABLE [ReportTallies] ADD [Day] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206110324_Rep1m'
)
BEGIN
    CREATE INDEX [IX_ReportTallies_Sums] ON [ReportTallies] ([Kind], [Day], [Month], [ErrorCode], [Channel], [AssigneeId], [Key], [Key2], [Number], [Tickets], [Open], [Confirmed]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206110324_Rep1m'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206110324_Rep1m', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206141837_List1m'
)
BEGIN
    CREATE INDEX [IX_Tickets_Status_ErrorCode] ON [Tickets] ([Status], [ErrorCode], [ReportedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206141837_List1m'
)
BEGIN
    CREATE INDEX [IX_Tickets_Status_Number] ON [Tickets] ([Status], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206141837_List1m'
)
BEGIN
    CREATE INDEX [IX_Tickets_Status_Priority] ON [Tickets] ([Status], [Priority], [ReportedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206141837_List1m'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206141837_List1m', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171359_List6'
)
BEGIN
    DROP INDEX [IX_Tickets_AssigneeResolution] ON [Tickets];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171359_List6'
)
BEGIN
    DROP INDEX [IX_Tickets_CauseDiagnosis] ON [Tickets];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171359_List6'
)
BEGIN
    DROP INDEX [IX_Tickets_CauseResolution] ON [Tickets];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171359_List6'
)
BEGIN
    DROP INDEX [IX_Tickets_Status_ReportedAt] ON [Tickets];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171359_List6'
)
BEGIN
    CREATE INDEX [IX_Tickets_Status_ReportedAt] ON [Tickets] ([Status], [ReportedAt], [AssigneeId], [ErrorCode], [Channel], [ClientId], [SlaResolutionTargetMinutes], [SlaFirstResponseMet], [SlaResolutionMet], [SlaFirstRespondedAt], [SlaFirstResponseDueAt], [SlaFirstResponseAtRiskAt], [SlaResolutionDueAt], [SlaResolutionAtRiskAt], [SlaResolutionPausedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171359_List6'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206171359_List6', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206201530_List7'
)
BEGIN
    DROP INDEX [IX_Tickets_Status_ReportedAt] ON [Tickets];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206201530_List7'
)
BEGIN
    CREATE INDEX [IX_Tickets_Status_ReportedAt] ON [Tickets] ([Status], [ReportedAt], [AssigneeId], [ErrorCode], [Channel], [ClientId], [SlaResolutionTargetMinutes], [SlaFirstResponseMet], [SlaResolutionMet], [SlaFirstRespondedAt], [SlaFirstResponseDueAt], [SlaFirstResponseAtRiskAt], [SlaResolutionDueAt], [SlaResolutionAtRiskAt], [SlaResolutionPausedAt], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206201530_List7'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206201530_List7', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206235434_List8'
)
BEGIN
    DROP INDEX [IX_Tickets_AssigneeId_Status_ReportedAt] ON [Tickets];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206235434_List8'
)
BEGIN
    CREATE INDEX [IX_Tickets_AssigneeId_Status_ReportedAt] ON [Tickets] ([AssigneeId], [Status], [ReportedAt], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206235434_List8'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206235434_List8', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030233_List9'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207030233_List9', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207061017_List10'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207061017_List10', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207154127_DropUnusedTicketIndexes'
)
BEGIN
    DROP INDEX [IX_Tickets_SlaFirstResponseDue] ON [Tickets];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207154127_DropUnusedTicketIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207154127_DropUnusedTicketIndexes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207184111_OpenSearchKeysInReportOrder'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207184111_OpenSearchKeysInReportOrder', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207221416_AllSearchIndexHoldsTicketsNotOpen'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207221416_AllSearchIndexHoldsTicketsNotOpen', N'10.0.15');
END;

COMMIT;
GO

