using System.Resources;

// The neutral resources are Indonesian: the helpdesk speaks Bahasa Indonesia unless asked for English.
[assembly: NeutralResourcesLanguage("id")]
