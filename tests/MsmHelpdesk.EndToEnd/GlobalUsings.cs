global using System.Text.RegularExpressions;
