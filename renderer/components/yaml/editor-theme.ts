// The editor in the app's colours: CSS variables of styles/theme.css, so one theme follows
// the dark/light switch without rebuilding the editor.
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

const MONO = "ui-monospace, 'SF Mono', 'JetBrains Mono', Menlo, Consolas, monospace";

const look = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'var(--bg-sunken)', fontSize: '12.5px', height: '100%' },
  '.cm-content': { fontFamily: MONO, caretColor: 'var(--text-strong)' },
  '.cm-cursor': { borderLeftColor: 'var(--text-strong)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-raised)', color: 'var(--text-muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--bg-hover)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--bg-selected) !important' },
  '.cm-tooltip': { backgroundColor: 'var(--bg-raised)', color: 'var(--text)', border: '1px solid var(--border)', maxWidth: '520px' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--bg-selected)', color: 'var(--text-strong)' },
  '.cm-completionDetail': { color: 'var(--text-muted)', fontStyle: 'normal', marginLeft: '1em' },
  '.cm-tooltip-autocomplete ul li[aria-selected] .cm-completionDetail': { color: 'inherit' },
  '.cm-panels': { backgroundColor: 'var(--bg-raised)', color: 'var(--text)' },
  '.cm-textfield': { backgroundColor: 'var(--bg)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-button': { backgroundImage: 'none', backgroundColor: 'var(--bg-hover)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-searchMatch': { backgroundColor: 'var(--warn-bg)', outline: '1px solid var(--warn)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--bad)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--bad)' },
  '.cm-schema-hover': { padding: '6px 8px', fontSize: '12px', lineHeight: '1.45' },
  '.cm-schema-hover-type': { fontFamily: MONO, color: 'var(--text-strong)', marginBottom: '4px' },
  // The diff: changed lines tinted, the changed words marked, their text plain so it stays legible.
  '&.cm-merge-a .cm-changedLine': { backgroundColor: 'var(--bad-bg) !important' },
  '&.cm-merge-b .cm-changedLine': { backgroundColor: 'var(--ok-bg) !important' },
  '.cm-changedText, .cm-changedText *': { color: 'var(--text-strong) !important' },
  '&.cm-merge-a .cm-changedText': { background: 'none !important', backgroundColor: 'color-mix(in srgb, var(--bad) 28%, transparent) !important' },
  '&.cm-merge-b .cm-changedText': { background: 'none !important', backgroundColor: 'color-mix(in srgb, var(--ok) 28%, transparent) !important' },
  '.cm-collapsedLines': { color: 'var(--text-muted) !important', background: 'var(--bg-raised) !important', borderBlock: '1px solid var(--border)' },
  '.cm-collapsedLines:before, .cm-collapsedLines:after': { content: '"↕"' },
});

const colours = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--accent)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--ok)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--warn)' },
  { tag: [tags.comment, tags.meta, tags.separator, tags.punctuation], color: 'var(--text-muted)' },
  { tag: [tags.labelName, tags.typeName, tags.keyword], color: 'var(--bad)' },
]);

export const editorTheme: Extension = [look, syntaxHighlighting(colours)];
