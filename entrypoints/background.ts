import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // The tokenizer host and message handlers are wired here by the extension issue (#3).
});
